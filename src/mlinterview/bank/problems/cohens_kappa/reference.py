"""Reference: Cohen's kappa from the observed agreement and the raters' own marginals."""

import numpy as np


def cohens_kappa(rater_a: np.ndarray, rater_b: np.ndarray) -> float:
    """(p_o - p_e) / (1 - p_e); 1.0 when both raters use one and the same label throughout."""
    a = np.asarray(rater_a).ravel()
    b = np.asarray(rater_b).ravel()
    n = a.size
    labels, codes = np.unique(np.concatenate([a, b]), return_inverse=True)
    counts_a = np.bincount(codes[:n], minlength=labels.size)
    counts_b = np.bincount(codes[n:], minlength=labels.size)
    chance_pairs = int(np.dot(counts_a, counts_b))  # integer: p_e = chance_pairs / n^2
    if chance_pairs == n * n:
        return 1.0
    p_o = float(np.mean(a == b))
    p_e = chance_pairs / (n * n)
    return (p_o - p_e) / (1.0 - p_e)
