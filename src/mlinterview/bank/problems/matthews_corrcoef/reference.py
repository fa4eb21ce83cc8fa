"""Reference: Matthews correlation coefficient from the four confusion counts."""

import math

import numpy as np


def matthews_corrcoef(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """(TP·TN − FP·FN) / sqrt of the four margins; 0.0 when a margin is empty."""
    t = np.asarray(y_true).ravel() == 1
    p = np.asarray(y_pred).ravel() == 1
    tp = int(np.sum(t & p))  # Python ints: the product of four margins can exceed 2**63
    fp = int(np.sum(~t & p))
    fn = int(np.sum(t & ~p))
    tn = int(np.sum(~t & ~p))
    margins = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)
    if margins == 0:
        return 0.0
    return (tp * tn - fp * fn) / math.sqrt(margins)
