"""Wrong: returns 1.0 instead of 0.0 when a margin is empty but every prediction is right."""

import math

import numpy as np


def matthews_corrcoef(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Treats 'all one class, all predicted correctly' as perfect correlation."""
    t = np.asarray(y_true).ravel() == 1
    p = np.asarray(y_pred).ravel() == 1
    tp, fp = int(np.sum(t & p)), int(np.sum(~t & p))
    fn, tn = int(np.sum(t & ~p)), int(np.sum(~t & ~p))
    margins = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)
    if margins == 0:
        return 1.0 if fp + fn == 0 else 0.0
    return (tp * tn - fp * fn) / math.sqrt(margins)
