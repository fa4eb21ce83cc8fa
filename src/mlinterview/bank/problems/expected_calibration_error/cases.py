"""Random miscalibrated classifiers: over- and under-confident, many bin counts, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Probabilities are (k + 0.5) / 10^4, never on a bin edge; case 0 has 100 000 samples."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(1, 60))
        n_bins = [10, 1, 2, 3, 5, 15, 20][i % 7]
        k = rng.integers(0, 10_000, size=n)
        p = (k + 0.5) / 10_000
        temperature = [0.5, 1.0, 2.0, 1.5][i % 4]  # the true rate is p sharpened or flattened
        logit = np.log(p / (1 - p)) / temperature
        labels = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
        cases.append({"probs": p.tolist(), "labels": labels.tolist(), "n_bins": n_bins})
    return cases
