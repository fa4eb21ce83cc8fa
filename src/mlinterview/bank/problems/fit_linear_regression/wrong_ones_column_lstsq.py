"""Wrong: includes the intercept in the minimum-norm solution, so a constant column (or a single
row) shares weight with the intercept instead of getting coefficient 0."""

import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> dict[str, object]:
    X = np.asarray(X, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    beta = np.linalg.lstsq(A, np.asarray(y, dtype=float), rcond=None)[0]
    return {"intercept": float(beta[0]), "coef": beta[1:]}
