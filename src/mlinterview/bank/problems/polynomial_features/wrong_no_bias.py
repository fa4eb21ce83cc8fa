"""Wrong: leaves out the degree-0 column of ones (the bias)."""

from itertools import combinations_with_replacement

import numpy as np


def polynomial_features(X: np.ndarray, degree: int) -> np.ndarray:
    """Starts at degree 1, as include_bias=False would."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    columns: list[np.ndarray] = []
    for k in range(1, degree + 1):
        for combo in combinations_with_replacement(range(d), k):
            columns.append(np.prod(X[:, list(combo)], axis=1))
    if not columns:
        return np.zeros((n, 0))
    return np.column_stack(columns)
