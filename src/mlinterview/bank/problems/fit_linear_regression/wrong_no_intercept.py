"""Wrong: fits a line through the origin (forgets the intercept column) and reports 0."""

import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> dict[str, object]:
    X = np.asarray(X, dtype=float)
    coef = np.linalg.lstsq(X, np.asarray(y, dtype=float), rcond=None)[0]
    return {"intercept": 0.0, "coef": coef}
