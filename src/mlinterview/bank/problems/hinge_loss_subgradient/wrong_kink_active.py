"""Wrong: counts a margin of exactly 1 as a violation (<= 1 instead of < 1)."""

import numpy as np


def hinge_loss_subgradient(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray, C: float
) -> dict[str, object]:
    """The loss is the same; the subgradient picks −y x at the kink instead of 0."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = y.size
    margins = y * (X @ w + b)
    active = margins <= 1.0
    loss = 0.5 * float(w @ w) + C * float(np.maximum(0.0, 1.0 - margins).sum()) / n
    return {
        "loss": loss,
        "grad_w": w - C / n * (X[active].T @ y[active]),
        "grad_b": -C / n * float(y[active].sum()),
    }
