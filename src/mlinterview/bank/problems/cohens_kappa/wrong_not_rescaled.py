"""Wrong: returns p_o - p_e without dividing by 1 - p_e."""

import numpy as np


def cohens_kappa(rater_a: np.ndarray, rater_b: np.ndarray) -> float:
    """Agreement above chance, but not as a share of the possible improvement over chance."""
    a = np.asarray(rater_a).ravel()
    b = np.asarray(rater_b).ravel()
    n = a.size
    labels = np.unique(np.concatenate([a, b]))
    p_e = sum(float(np.sum(a == c)) * float(np.sum(b == c)) for c in labels) / (n * n)
    if p_e == 1.0:
        return 1.0
    return float(np.mean(a == b)) - p_e
