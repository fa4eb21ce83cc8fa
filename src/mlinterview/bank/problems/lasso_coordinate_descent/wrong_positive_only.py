"""Wrong: a one-sided threshold max(rho − alpha, 0) that never lets a weight go negative."""

import numpy as np


def lasso_coordinate_descent(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> np.ndarray:
    """Forgets the sign in the soft threshold: negative correlations are set to 0."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    residual = y.copy()
    col_sq = (X * X).sum(axis=0) / n
    for _ in range(n_iter):
        for j in range(d):
            rho = X[:, j] @ residual / n + col_sq[j] * w[j]
            new = max(rho - alpha, 0.0) / col_sq[j]
            residual -= X[:, j] * (new - w[j])
            w[j] = new
    return w
