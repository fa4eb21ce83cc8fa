"""Wrong: updates all coordinates at once from the previous sweep's w (Jacobi, not cyclic)."""

import numpy as np


def lasso_coordinate_descent(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> np.ndarray:
    """Every rho_j of a sweep uses the old residual, so later coordinates miss earlier moves."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    col_sq = (X * X).sum(axis=0) / n
    for _ in range(n_iter):
        residual = y - X @ w
        rho = X.T @ residual / n + col_sq * w
        w = np.sign(rho) * np.maximum(np.abs(rho) - alpha, 0.0) / col_sq
    return w
