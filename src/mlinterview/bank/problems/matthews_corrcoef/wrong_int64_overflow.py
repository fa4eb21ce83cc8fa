"""Wrong: multiplies the four margins as numpy int64, which wraps around past 2**63."""

import numpy as np


def matthews_corrcoef(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Right for small inputs; with ~10^5 samples per cell the product overflows silently."""
    t = np.asarray(y_true).ravel()
    p = np.asarray(y_pred).ravel()
    tp = np.sum((t == 1) & (p == 1))
    fp = np.sum((t == 0) & (p == 1))
    fn = np.sum((t == 1) & (p == 0))
    tn = np.sum((t == 0) & (p == 0))
    with np.errstate(over="ignore", invalid="ignore"):
        margins = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)
        if margins == 0:
            return 0.0
        return float((tp * tn - fp * fn) / np.sqrt(margins))
