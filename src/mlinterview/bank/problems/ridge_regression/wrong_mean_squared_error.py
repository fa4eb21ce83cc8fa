"""Wrong: averages the squared errors (1/n) instead of summing them, i.e. uses n * alpha."""

import numpy as np


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Solves (Xcᵀ Xc / n + alpha I) w = Xcᵀ yc / n: the penalty is n times too strong."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = np.linalg.solve(Xc.T @ Xc / n + alpha * np.eye(d), Xc.T @ (y - y_mean) / n)
    return np.concatenate([[y_mean - x_mean @ w], w])
