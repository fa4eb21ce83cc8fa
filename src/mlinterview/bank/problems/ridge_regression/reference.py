"""Reference ridge regression: centre, solve the d x d system, recover the intercept."""

import numpy as np


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """[b, w] minimising ||b + Xw - y||^2 + alpha ||w||^2 (b not penalised)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    Xc = X - x_mean
    gram = Xc.T @ Xc + alpha * np.eye(X.shape[1])
    w = np.linalg.solve(gram, Xc.T @ (y - y_mean))
    return np.concatenate([[y_mean - x_mean @ w], w])
