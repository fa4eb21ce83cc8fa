"""Wrong: chance agreement from both raters' pooled label shares (Scott's pi), not their own."""

import numpy as np


def cohens_kappa(rater_a: np.ndarray, rater_b: np.ndarray) -> float:
    """p_e = sum_c ((n_a,c + n_b,c) / 2n)^2; equals Cohen's only when the marginals match."""
    a = np.asarray(rater_a).ravel()
    b = np.asarray(rater_b).ravel()
    n = a.size
    _, counts = np.unique(np.concatenate([a, b]), return_counts=True)
    p_e = float(np.sum((counts / (2 * n)) ** 2))
    if p_e == 1.0:
        return 1.0
    p_o = float(np.mean(a == b))
    return (p_o - p_e) / (1.0 - p_e)
