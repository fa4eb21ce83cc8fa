"""Wrong: breaks distance ties towards the larger training index instead of the smaller one."""

import numpy as np


def knn_predict(
    X_train: np.ndarray, y_train: np.ndarray, X_query: np.ndarray, k: int
) -> np.ndarray:
    X = np.asarray(X_train, dtype=float)
    y = np.asarray(y_train).astype(int)
    Q = np.asarray(X_query, dtype=float)
    if Q.size == 0:
        return np.zeros(0, dtype=int)
    Q = Q.reshape(-1, X.shape[1])
    k = min(k, len(X))
    dist = ((Q[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    # Sorting the reversed rows puts later indices first among equal distances.
    order = np.argsort(dist[:, ::-1], axis=1, kind="stable")
    nearest = (len(X) - 1 - order)[:, :k]
    labels = np.unique(y)
    votes = (y[nearest][:, :, None] == labels[None, None, :]).sum(axis=1)
    return labels[np.argmax(votes, axis=1)]
