"""Wrong: drops the 1/n of the loss but keeps alpha, so the penalty is effectively alpha / n."""

import numpy as np


def lasso_coordinate_descent(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> np.ndarray:
    """Thresholds X_jᵀ r (a sum over samples) at alpha instead of the mean at alpha."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    d = X.shape[1]
    w = np.zeros(d)
    residual = y.copy()
    col_sq = (X * X).sum(axis=0)
    for _ in range(n_iter):
        for j in range(d):
            rho = X[:, j] @ residual + col_sq[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / col_sq[j]
            residual -= X[:, j] * (new - w[j])
            w[j] = new
    return w
