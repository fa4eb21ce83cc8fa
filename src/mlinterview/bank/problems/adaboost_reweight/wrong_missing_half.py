"""Wrong: alpha = ln((1 - eps) / eps) without the factor 1/2, overshooting the reweighting."""

import numpy as np


def adaboost_reweight(weights: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """With the doubled alpha the misclassified samples end up with more than half the mass."""
    w = np.asarray(weights, dtype=float)
    margin = np.asarray(y_true, dtype=float) * np.asarray(y_pred, dtype=float)
    eps = float(w[margin < 0].sum() / w.sum())
    eps = min(max(eps, 1e-10), 1.0 - 1e-10)
    alpha = float(np.log((1.0 - eps) / eps))
    updated = w * np.exp(-alpha * margin)
    return {"alpha": alpha, "weights": updated / updated.sum()}
