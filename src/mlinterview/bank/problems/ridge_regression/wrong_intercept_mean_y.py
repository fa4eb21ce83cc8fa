"""Wrong: fits w on centred data but sets the intercept to mean(y), forgetting mean(X) @ w."""

import numpy as np


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """The weights are right; b is right only when every feature has mean 0."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Xc = X - X.mean(axis=0)
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - y.mean()))
    return np.concatenate([[y.mean()], w])
