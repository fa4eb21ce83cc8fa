"""Wrong: only powers of single features (x, x², ...), no interaction terms."""

import numpy as np


def polynomial_features(X: np.ndarray, degree: int) -> np.ndarray:
    """Right for one feature; drops every product of different features."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    columns = [np.ones(n)]
    for k in range(1, degree + 1):
        for j in range(d):
            columns.append(X[:, j] ** k)
    return np.column_stack(columns)
