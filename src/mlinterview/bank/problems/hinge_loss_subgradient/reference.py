"""Reference soft-margin SVM objective and its subgradient (0 at the hinge's kink)."""

import numpy as np


def hinge_loss_subgradient(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray, C: float
) -> dict[str, object]:
    """0.5 ||w||² + C · mean(max(0, 1 − y (Xw + b))); only margins < 1 contribute."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = y.size
    margins = y * (X @ w + b)
    active = margins < 1.0  # a margin of exactly 1 is not a violation
    loss = 0.5 * float(w @ w) + C * float(np.maximum(0.0, 1.0 - margins).sum()) / n
    grad_w = w - C / n * (X[active].T @ y[active])
    grad_b = -C / n * float(y[active].sum())
    return {"loss": loss, "grad_w": grad_w, "grad_b": grad_b + 0.0}
