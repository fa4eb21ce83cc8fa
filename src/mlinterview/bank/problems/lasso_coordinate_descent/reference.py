"""Reference lasso by cyclic coordinate descent, keeping the residual up to date."""

import numpy as np


def lasso_coordinate_descent(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> np.ndarray:
    """n_iter sweeps j = 0..d-1; each sets w_j to the exact minimiser given the others."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    residual = y.copy()  # y - X @ w
    col_sq = (X * X).sum(axis=0) / n  # (1/n) ||X_j||^2, > 0 by the statement
    for _ in range(n_iter):
        for j in range(d):
            # (1/n) X_jᵀ (y - X w + X_j w_j): the fit of column j to the partial residual
            rho = X[:, j] @ residual / n + col_sq[j] * w[j]
            # soft threshold: exactly 0 inside [-alpha, alpha], shrunk by alpha outside
            new = 0.0 if abs(rho) <= alpha else (rho - np.sign(rho) * alpha) / col_sq[j]
            if new != w[j]:
                residual -= X[:, j] * (new - w[j])
                w[j] = new
    return w
