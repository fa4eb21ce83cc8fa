"""Wrong: divides by max(count, 1), which moves an empty cluster's centroid to the origin."""

import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> dict[str, np.ndarray]:
    C = np.asarray(centroids, dtype=float)
    X = np.asarray(X, dtype=float).reshape(-1, C.shape[1])
    k = len(C)
    dist = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(dist, axis=1) if len(X) else np.zeros(0, dtype=int)
    sums = np.zeros_like(C)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=k)
    return {"labels": labels, "centroids": sums / np.maximum(counts, 1)[:, None]}
