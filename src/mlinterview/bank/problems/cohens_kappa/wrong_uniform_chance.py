"""Wrong: chance agreement 1/k for k labels, as if both raters picked labels uniformly."""

import numpy as np


def cohens_kappa(rater_a: np.ndarray, rater_b: np.ndarray) -> float:
    """Ignores the marginals; a rater who almost always says one label looks far better."""
    a = np.asarray(rater_a).ravel()
    b = np.asarray(rater_b).ravel()
    k = np.unique(np.concatenate([a, b])).size
    if k == 1:
        return 1.0
    p_e = 1.0 / k
    return (float(np.mean(a == b)) - p_e) / (1.0 - p_e)
