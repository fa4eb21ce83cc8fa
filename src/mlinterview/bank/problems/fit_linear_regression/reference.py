"""Reference: centre, then minimum-norm least squares; the intercept restores the means."""

import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> dict[str, object]:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    # Centring removes the intercept from the problem, so it is never part of the norm, and
    # lstsq (SVD based) neither squares the condition number nor fails on collinear columns.
    coef = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    return {"intercept": float(y_mean - x_mean @ coef), "coef": coef}
