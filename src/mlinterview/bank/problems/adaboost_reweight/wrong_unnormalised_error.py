"""Wrong: takes eps as the plain sum of misclassified weights, assuming they sum to 1."""

import numpy as np


def adaboost_reweight(weights: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """Correct only if the caller already normalised the weights."""
    w = np.asarray(weights, dtype=float)
    margin = np.asarray(y_true, dtype=float) * np.asarray(y_pred, dtype=float)
    eps = float(w[margin < 0].sum())
    eps = min(max(eps, 1e-10), 1.0 - 1e-10)
    alpha = 0.5 * float(np.log((1.0 - eps) / eps))
    updated = w * np.exp(-alpha * margin)
    return {"alpha": alpha, "weights": updated / updated.sum()}
