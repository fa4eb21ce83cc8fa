"""Wrong: right columns in the wrong order, grouped by first feature instead of by degree."""

from itertools import combinations_with_replacement

import numpy as np


def polynomial_features(X: np.ndarray, degree: int) -> np.ndarray:
    """Sorts the monomials by their index tuple alone: 1, x0, x0², x0·x1, x1, x1²."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    combos = [
        combo for k in range(1, degree + 1) for combo in combinations_with_replacement(range(d), k)
    ]
    columns = [np.ones(n)]
    for combo in sorted(combos):
        columns.append(np.prod(X[:, list(combo)], axis=1))
    return np.column_stack(columns)
