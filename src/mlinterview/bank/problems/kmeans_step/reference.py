"""Reference: one Lloyd iteration; an empty cluster keeps its previous centroid."""

import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> dict[str, np.ndarray]:
    C = np.asarray(centroids, dtype=float)
    X = np.asarray(X, dtype=float).reshape(-1, C.shape[1])
    dist = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    # argmin returns the first minimum: equally near centroids go to the lowest index.
    labels = np.argmin(dist, axis=1) if len(X) else np.zeros(0, dtype=int)
    new = C.copy()
    for j in range(len(C)):
        members = X[labels == j]
        if len(members):
            new[j] = members.mean(axis=0)
    return {"labels": labels, "centroids": new}
