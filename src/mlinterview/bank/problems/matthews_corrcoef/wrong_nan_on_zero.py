"""Wrong: no rule for an empty margin; 0/0 gives nan (like np.corrcoef on a constant vector)."""

import numpy as np


def matthews_corrcoef(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Correct whenever both classes occur in y_true and in y_pred."""
    t = np.asarray(y_true).ravel() == 1
    p = np.asarray(y_pred).ravel() == 1
    tp, fp = float(np.sum(t & p)), float(np.sum(~t & p))
    fn, tn = float(np.sum(t & ~p)), float(np.sum(~t & ~p))
    with np.errstate(divide="ignore", invalid="ignore"):
        margins = np.float64((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        return float((tp * tn - fp * fn) / np.sqrt(margins))
