"""Random categorical columns: rare categories, uneven folds; one 20 000-row column."""

import numpy as np

_NAMES = ["a", "b", "c", "Berlin", "Köln", "x1", "x2", "rare"]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Rare categories often miss a training part; n % K != 0 is common; case 0 has 20 000 rows."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 20_000 if i == 0 else int(rng.integers(2, 25))
        n_folds = 5 if i == 0 else int(rng.integers(2, n + 1))
        n_names = int(rng.integers(1, len(_NAMES) + 1))
        weights = rng.random(n_names) ** 3 + 0.01
        picks = rng.choice(n_names, size=n, p=weights / weights.sum())
        categories = [_NAMES[int(p)] for p in picks]
        if i % 2:
            y = rng.integers(0, 2, size=n).astype(float)
        else:
            y = np.round(rng.normal(10.0, 5.0, size=n), 2)
        smoothing = [0.0, 1.0, 5.0, 0.5][i % 4]
        cases.append({"categories": categories, "y": y, "n_folds": n_folds, "smoothing": smoothing})
    return cases
