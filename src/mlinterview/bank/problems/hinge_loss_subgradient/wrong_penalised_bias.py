"""Wrong: regularises the bias too, adding 0.5 b² to the loss and b to its gradient."""

import numpy as np


def hinge_loss_subgradient(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray, C: float
) -> dict[str, object]:
    """Treats b as one more weight under the L2 penalty."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = y.size
    margins = y * (X @ w + b)
    active = margins < 1.0
    hinge = C * float(np.maximum(0.0, 1.0 - margins).sum()) / n
    return {
        "loss": 0.5 * float(w @ w) + 0.5 * b * b + hinge,
        "grad_w": w - C / n * (X[active].T @ y[active]),
        "grad_b": b - C / n * float(y[active].sum()),
    }
