"""Wrong: uses itertools.combinations, so squares and other repeated factors are missing."""

from itertools import combinations

import numpy as np


def polynomial_features(X: np.ndarray, degree: int) -> np.ndarray:
    """Only products of distinct features: x0·x1 but never x0²."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    columns = [np.ones(n)]
    for k in range(1, degree + 1):
        for combo in combinations(range(d), k):
            columns.append(np.prod(X[:, list(combo)], axis=1))
    return np.column_stack(columns)
