"""Wrong: does not count the point itself among its neighbours when deciding core points."""

import numpy as np


def _neighbours(X: np.ndarray, eps: float) -> np.ndarray:
    """Boolean (n, n) matrix: distance(i, j) <= eps, from coordinate differences."""
    squared = np.zeros((X.shape[0], X.shape[0]))
    for k in range(X.shape[1]):
        diff = X[:, k, None] - X[None, :, k]
        squared += diff * diff
    return np.sqrt(squared) <= eps


def dbscan(X: np.ndarray, eps: float, min_samples: int) -> list[int]:
    """Core means min_samples OTHER points within eps: one neighbour short everywhere."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    near = _neighbours(X, eps)
    core = near.sum(axis=1) - 1 >= min_samples  # only the other points
    adjacency = [np.flatnonzero(row) for row in near]
    labels = [-1] * n
    cluster = 0
    for start in range(n):
        if not core[start] or labels[start] != -1:
            continue
        labels[start] = cluster
        stack = [start]
        while stack:
            p = stack.pop()
            for q in adjacency[p]:
                if labels[q] == -1:
                    labels[q] = cluster  # a border point keeps the first cluster that reaches it
                    if core[q]:
                        stack.append(int(q))
        cluster += 1
    return labels
