"""Wrong: fits the line through the origin (no intercept at all) and reports b = 0."""

import numpy as np


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """(Xᵀ X + alpha I) w = Xᵀ y on the raw data; data with an offset gets a wrong slope."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)
    return np.concatenate([[0.0], w])
