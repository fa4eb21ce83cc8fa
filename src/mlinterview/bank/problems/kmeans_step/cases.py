"""Random k-means steps: blobs, integer grids with ties and empty clusters, one large case."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Blobs and integer grids with ties and empty clusters; 20,000 points check vectorisation."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            X = rng.normal(size=(20000, 3))
            C = rng.normal(size=(8, 3))
        elif i % 2 == 1:
            d = int(rng.integers(1, 3))
            X = rng.integers(-2, 3, size=(int(rng.integers(1, 25)), d)).astype(float)
            C = rng.integers(-3, 4, size=(int(rng.integers(1, 6)), d)).astype(float)
        else:
            d = int(rng.integers(1, 5))
            k = int(rng.integers(1, 6))
            centres = rng.normal(scale=4.0, size=(k, d))
            X = centres[rng.integers(0, k, size=int(rng.integers(k, 60)))]
            X = X + rng.normal(size=X.shape)
            C = X[rng.choice(len(X), size=k, replace=False)] + rng.normal(scale=0.5, size=(k, d))
        cases.append({"X": X.round(6).tolist(), "centroids": C.round(6).tolist()})
    return cases
