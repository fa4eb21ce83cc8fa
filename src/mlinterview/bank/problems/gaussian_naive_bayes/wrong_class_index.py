"""Wrong: returns the position of the winning class in the sorted classes, not its label."""

import numpy as np


def gaussian_naive_bayes(
    X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, var_smoothing: float = 1e-9
) -> list[int]:
    """Right whenever the labels happen to be 0..k-1."""
    X = np.asarray(X_train, dtype=float)
    y = np.asarray(y_train)
    Q = np.asarray(X_test, dtype=float)
    if Q.size == 0:
        return []
    classes, counts = np.unique(y, return_counts=True)
    epsilon = var_smoothing * X.var(axis=0).max()
    means = np.stack([X[y == c].mean(axis=0) for c in classes])
    variances = np.stack([X[y == c].var(axis=0) for c in classes]) + epsilon
    joint = (
        np.log(counts / y.size)
        - 0.5 * np.log(2.0 * np.pi * variances).sum(axis=1)
        - 0.5 * ((Q[:, None, :] - means) ** 2 / variances).sum(axis=2)
    )
    best = joint.max(axis=1, keepdims=True)
    return [int(i) for i in np.argmax(joint >= best - 1e-9, axis=1)]
