"""Reference discrete AdaBoost round: vote weight from the weighted error, then reweight."""

import numpy as np


def adaboost_reweight(weights: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """Mistakes are scaled up by exp(alpha), hits down by exp(-alpha), then renormalised."""
    w = np.asarray(weights, dtype=float)
    margin = np.asarray(y_true, dtype=float) * np.asarray(y_pred, dtype=float)
    eps = float(w[margin < 0].sum() / w.sum())
    eps = min(max(eps, 1e-10), 1.0 - 1e-10)
    alpha = 0.5 * float(np.log((1.0 - eps) / eps))
    updated = w * np.exp(-alpha * margin)
    return {"alpha": alpha, "weights": updated / updated.sum()}
