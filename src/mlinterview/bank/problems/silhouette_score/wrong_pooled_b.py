"""Wrong: b(i) is the mean distance to all points outside the cluster, not the nearest cluster."""

import numpy as np


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> float:
    """Pools every other cluster together; equals the right b only with two clusters."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    scores = []
    for i in range(X.shape[0]):
        mine = labels == labels[i]
        if mine.sum() == 1:
            scores.append(0.0)
            continue
        a = dist[i, mine].sum() / (mine.sum() - 1)
        b = dist[i, ~mine].mean()
        top = max(a, b)
        scores.append((b - a) / top if top > 0 else 0.0)
    return float(np.mean(scores))
