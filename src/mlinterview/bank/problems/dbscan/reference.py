"""Reference DBSCAN: neighbourhoods from a distance matrix, clusters grown one at a time."""

import numpy as np


def _neighbours(X: np.ndarray, eps: float) -> np.ndarray:
    """Boolean (n, n) matrix: distance(i, j) <= eps, from coordinate differences."""
    squared = np.zeros((X.shape[0], X.shape[0]))
    for k in range(X.shape[1]):
        diff = X[:, k, None] - X[None, :, k]
        squared += diff * diff
    return np.sqrt(squared) <= eps


def dbscan(X: np.ndarray, eps: float, min_samples: int) -> list[int]:
    """Labels 0, 1, ... in order of each cluster's lowest-index core point; noise is -1."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    near = _neighbours(X, eps)
    core = near.sum(axis=1) >= min_samples  # the point itself counts
    adjacency = [np.flatnonzero(row).tolist() for row in near]
    is_core = core.tolist()
    labels = [-1] * n
    cluster = 0
    for start in range(n):
        if not is_core[start] or labels[start] != -1:
            continue
        labels[start] = cluster
        stack = [start]
        while stack:
            p = stack.pop()
            for q in adjacency[p]:
                if labels[q] == -1:
                    labels[q] = cluster  # a border point keeps the first cluster that reaches it
                    if is_core[q]:
                        stack.append(q)
        cluster += 1
    return labels
