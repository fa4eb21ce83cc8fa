"""Wrong: sums the hinge terms instead of averaging them (C times the total, not the mean)."""

import numpy as np


def hinge_loss_subgradient(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray, C: float
) -> dict[str, object]:
    """The data term is n times too large; right only for a single sample."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    margins = y * (X @ w + b)
    active = margins < 1.0
    return {
        "loss": 0.5 * float(w @ w) + C * float(np.maximum(0.0, 1.0 - margins).sum()),
        "grad_w": w - C * (X[active].T @ y[active]),
        "grad_b": -C * float(y[active].sum()),
    }
