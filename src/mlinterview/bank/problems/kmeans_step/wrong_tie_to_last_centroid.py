"""Wrong: a point equally near several centroids goes to the last of them, not the first."""

import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> dict[str, np.ndarray]:
    C = np.asarray(centroids, dtype=float)
    X = np.asarray(X, dtype=float).reshape(-1, C.shape[1])
    labels = []
    for x in X:
        best, best_d = 0, np.inf
        for j, c in enumerate(C):
            d = float(((x - c) ** 2).sum())
            if d <= best_d:
                best, best_d = j, d
        labels.append(best)
    lab = np.array(labels, dtype=int)
    new = C.copy()
    for j in range(len(C)):
        if np.any(lab == j):
            new[j] = X[lab == j].mean(axis=0)
    return {"labels": lab, "centroids": new}
