"""Reference polynomial features in scikit-learn's column order."""

from itertools import combinations_with_replacement

import numpy as np


def polynomial_features(X: np.ndarray, degree: int) -> np.ndarray:
    """Columns: 1, then each degree 1..degree as sorted index multisets, lexicographically."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    columns = [np.ones(n)]
    for k in range(1, degree + 1):
        for combo in combinations_with_replacement(range(d), k):
            columns.append(np.prod(X[:, list(combo)], axis=1))
    return np.column_stack(columns)
