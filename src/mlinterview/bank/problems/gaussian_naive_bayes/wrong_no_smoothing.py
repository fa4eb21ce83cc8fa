"""Wrong: leaves out var_smoothing, so a zero within-class variance divides by zero."""

import numpy as np


def gaussian_naive_bayes(
    X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, var_smoothing: float = 1e-9
) -> list[int]:
    """Bare population variances: a constant feature inside a class gives log(0) and x/0."""
    X = np.asarray(X_train, dtype=float)
    y = np.asarray(y_train)
    Q = np.asarray(X_test, dtype=float)
    if Q.size == 0:
        return []
    classes, counts = np.unique(y, return_counts=True)
    means = np.stack([X[y == c].mean(axis=0) for c in classes])
    variances = np.stack([X[y == c].var(axis=0) for c in classes])
    with np.errstate(divide="ignore", invalid="ignore"):
        joint = (
            np.log(counts / y.size)
            - 0.5 * np.log(2.0 * np.pi * variances).sum(axis=1)
            - 0.5 * ((Q[:, None, :] - means) ** 2 / variances).sum(axis=2)
        )
    joint = np.nan_to_num(joint, nan=-np.inf)
    best = joint.max(axis=1, keepdims=True)
    return [int(c) for c in classes[np.argmax(joint >= best - 1e-9, axis=1)]]
