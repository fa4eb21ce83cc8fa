"""Wrong: collects the labels in np.zeros(n), a float array, so they come back as 0.0, 1.0, …
instead of the integer array the statement asks for (a label is an index, not a number)."""

import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> dict[str, np.ndarray]:
    C = np.asarray(centroids, dtype=float)
    X = np.asarray(X, dtype=float).reshape(-1, C.shape[1])
    labels = np.zeros(len(X))
    for i, x in enumerate(X):
        labels[i] = np.argmin(((C - x) ** 2).sum(axis=1))
    new = C.copy()
    for j in range(len(C)):
        members = X[labels == j]
        if len(members):
            new[j] = members.mean(axis=0)
    return {"labels": labels, "centroids": new}
