"""Wrong: gives a point alone in its cluster a = 0 and hence s = 1 instead of s = 0."""

import numpy as np


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> float:
    """Singletons are not special-cased: (b - 0) / b = 1 rewards splitting off points."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    classes = np.unique(labels)
    scores = []
    for i in range(X.shape[0]):
        mine = labels == labels[i]
        a = dist[i, mine].sum() / max(mine.sum() - 1, 1)
        b = min(dist[i, labels == c].mean() for c in classes if c != labels[i])
        top = max(a, b)
        scores.append((b - a) / top if top > 0 else 0.0)
    return float(np.mean(scores))
