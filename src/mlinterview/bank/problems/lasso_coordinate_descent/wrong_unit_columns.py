"""Wrong: assumes standardised columns and never divides by (1/n) ||X_j||²."""

import numpy as np


def lasso_coordinate_descent(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> np.ndarray:
    """w_j = S(rho_j, alpha): right only when every column has mean square 1."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    residual = y.copy()
    for _ in range(n_iter):
        for j in range(d):
            rho = X[:, j] @ residual / n + w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0)
            residual -= X[:, j] * (new - w[j])
            w[j] = new
    return w
