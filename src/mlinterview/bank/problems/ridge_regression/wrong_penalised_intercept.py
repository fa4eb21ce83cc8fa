"""Wrong: appends a column of ones and penalises the intercept together with the weights."""

import numpy as np


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """alpha * I on the full (d + 1) x (d + 1) system shrinks b towards 0 as well."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.hstack([np.ones((X.shape[0], 1)), X])
    return np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
