"""Wrong: returns w * exp(-alpha * y * h) without dividing by the new total."""

import numpy as np


def adaboost_reweight(weights: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """The weights drift in scale from round to round instead of forming a distribution."""
    w = np.asarray(weights, dtype=float)
    margin = np.asarray(y_true, dtype=float) * np.asarray(y_pred, dtype=float)
    eps = float(w[margin < 0].sum() / w.sum())
    eps = min(max(eps, 1e-10), 1.0 - 1e-10)
    alpha = 0.5 * float(np.log((1.0 - eps) / eps))
    return {"alpha": alpha, "weights": w * np.exp(-alpha * margin)}
