"""Wrong: Counter.most_common breaks vote ties by the nearest neighbour, not the smallest label."""

from collections import Counter

import numpy as np


def knn_predict(
    X_train: np.ndarray, y_train: np.ndarray, X_query: np.ndarray, k: int
) -> np.ndarray:
    X = np.asarray(X_train, dtype=float)
    Q = np.asarray(X_query, dtype=float)
    if Q.size == 0:
        return np.zeros(0, dtype=int)
    Q = Q.reshape(-1, X.shape[1])
    dist = np.sqrt(((Q[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    nearest = np.argsort(dist, axis=1, kind="stable")[:, :k]
    out = [Counter(int(y_train[j]) for j in row).most_common(1)[0][0] for row in nearest]
    return np.array(out, dtype=int)
