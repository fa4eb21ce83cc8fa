"""Wrong: averages a(i) over the whole own cluster (size n_c), counting the point itself."""

import numpy as np


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> float:
    """a(i) = sum / n_c instead of sum / (n_c - 1): a is too small, s too large."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    classes = np.unique(labels)
    scores = []
    for i in range(X.shape[0]):
        mine = labels == labels[i]
        if mine.sum() == 1:
            scores.append(0.0)
            continue
        a = dist[i, mine].mean()
        b = min(dist[i, labels == c].mean() for c in classes if c != labels[i])
        top = max(a, b)
        scores.append((b - a) / top if top > 0 else 0.0)
    return float(np.mean(scores))
