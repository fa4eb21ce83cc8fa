"""Wrong: solves the normal equations, which square the condition number and lose accuracy on
nearly collinear features."""

import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> dict[str, object]:
    X = np.asarray(X, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    beta = np.linalg.solve(A.T @ A, A.T @ np.asarray(y, dtype=float))
    return {"intercept": float(beta[0]), "coef": beta[1:]}
