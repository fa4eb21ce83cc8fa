"""Wrong: the gradient leaves out the regulariser's term w (only the hinge part)."""

import numpy as np


def hinge_loss_subgradient(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray, C: float
) -> dict[str, object]:
    """Loss right, grad_w = −C/n Σ y x over the violators, missing + w."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = y.size
    margins = y * (X @ w + b)
    active = margins < 1.0
    return {
        "loss": 0.5 * float(w @ w) + C * float(np.maximum(0.0, 1.0 - margins).sum()) / n,
        "grad_w": -C / n * (X[active].T @ y[active]),
        "grad_b": -C / n * float(y[active].sum()),
    }
