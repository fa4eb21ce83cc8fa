"""Wrong: no special case when both raters use one single label; 0/0 gives nan."""

import numpy as np


def cohens_kappa(rater_a: np.ndarray, rater_b: np.ndarray) -> float:
    """Correct otherwise."""
    a = np.asarray(rater_a).ravel()
    b = np.asarray(rater_b).ravel()
    n = a.size
    labels = np.unique(np.concatenate([a, b]))
    p_e = sum(float(np.sum(a == c)) * float(np.sum(b == c)) for c in labels) / (n * n)
    p_o = float(np.mean(a == b))
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(p_o - p_e) / np.float64(1.0 - p_e))
