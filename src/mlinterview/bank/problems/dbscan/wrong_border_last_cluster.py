"""Wrong: a border point reached by several clusters ends up in the last one, not the first."""

import numpy as np


def _neighbours(X: np.ndarray, eps: float) -> np.ndarray:
    """Boolean (n, n) matrix: distance(i, j) <= eps, from coordinate differences."""
    squared = np.zeros((X.shape[0], X.shape[0]))
    for k in range(X.shape[1]):
        diff = X[:, k, None] - X[None, :, k]
        squared += diff * diff
    return np.sqrt(squared) <= eps


def dbscan(X: np.ndarray, eps: float, min_samples: int) -> list[int]:
    """Each new cluster relabels the border points it touches."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    near = _neighbours(X, eps)
    core = near.sum(axis=1) >= min_samples  # the point itself counts
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
                if labels[q] == -1 or (not core[q] and labels[q] != cluster):
                    fresh = labels[q] == -1
                    labels[q] = cluster  # overwrites a border point claimed earlier
                    if core[q] and fresh:
                        stack.append(int(q))
        cluster += 1
    return labels
