"""Wrong: squared distances as ||x||² + ||y||² − 2 x·y, which cancels catastrophically far
from the origin."""

import numpy as np


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> float:
    """The Gram-matrix trick: fast, exact in real arithmetic, wrong digits around 1e6."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    norms = (X * X).sum(axis=1)
    dist = np.sqrt(np.maximum(norms[:, None] + norms[None, :] - 2.0 * X @ X.T, 0.0))
    np.fill_diagonal(dist, 0.0)
    classes = np.unique(labels)
    scores = []
    for i in range(X.shape[0]):
        mine = labels == labels[i]
        if mine.sum() == 1:
            scores.append(0.0)
            continue
        a = dist[i, mine].sum() / (mine.sum() - 1)
        b = min(dist[i, labels == c].mean() for c in classes if c != labels[i])
        top = max(a, b)
        scores.append((b - a) / top if top > 0 else 0.0)
    return float(np.mean(scores))
