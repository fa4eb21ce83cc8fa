"""Wrong: uses itertools.product, so x0·x1 and x1·x0 both appear as columns."""

from itertools import product

import numpy as np


def polynomial_features(X: np.ndarray, degree: int) -> np.ndarray:
    """Ordered tuples instead of multisets: duplicate columns and d^k per degree."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    columns = [np.ones(n)]
    for k in range(1, degree + 1):
        for combo in product(range(d), repeat=k):
            columns.append(np.prod(X[:, list(combo)], axis=1))
    return np.column_stack(columns)
