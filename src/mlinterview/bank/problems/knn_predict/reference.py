"""Reference: squared distances, stable sort for the index tie rule, bincount-style vote."""

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
    # Squared distances rank neighbours exactly like distances and avoid sqrt rounding.
    dist = ((Q[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    # A stable sort keeps equal distances in index order: the distance tie rule.
    nearest = np.argsort(dist, axis=1, kind="stable")[:, :k]
    labels = np.unique(y)
    votes = (y[nearest][:, :, None] == labels[None, None, :]).sum(axis=1)
    # argmax takes the first maximum; labels are sorted, so the smallest label wins ties.
    return labels[np.argmax(votes, axis=1)]
