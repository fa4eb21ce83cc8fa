"""Wrong: uses squared Euclidean distances (as k-means' inertia does) instead of distances."""

import numpy as np


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> float:
    """Skips the square root: same signs, different magnitudes."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    dist = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
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
