"""Random clusterings: blobs and noise, singletons, 2 to 6 clusters, offsets, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Overlapping blobs, random labels, singletons, shifts to 1e6; case 0 has 1000 points."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, d, k = 1000, 8, 5
        else:
            k = int(rng.integers(2, 7))
            n, d = int(rng.integers(k + 1, 40)), int(rng.integers(1, 5))
        labels = rng.permutation(np.concatenate([np.arange(k), rng.integers(0, k, size=n - k)]))
        centres = rng.normal(0.0, [0.5, 3.0][i % 2], size=(k, d))
        X = centres[labels] + rng.normal(size=(n, d))
        if i % 4 == 3:
            X = X + 1e6
        names = rng.choice(np.arange(-10, 100), size=k, replace=False)
        cases.append({"X": np.round(X, 4), "labels": names[labels]})
    return cases
