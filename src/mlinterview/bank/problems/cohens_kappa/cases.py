"""Random rater pairs: skewed label shares, labels that are not 0..k-1, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Rater b copies rater a with some probability, else draws from its own skewed shares."""
    cases: list[dict[str, object]] = []
    label_sets = [[0, 1], [1, 2, 3], [-1, 0, 1], [5, 10, 20, 40], [-7, 3]]
    for i in range(count):
        n = 20_000 if i == 0 else int(rng.integers(1, 50))
        labels = np.array(label_sets[i % len(label_sets)])
        share_a = rng.dirichlet(np.ones(labels.size) * 0.7)
        share_b = rng.dirichlet(np.ones(labels.size) * 0.7)
        a = rng.choice(labels, size=n, p=share_a)
        own = rng.choice(labels, size=n, p=share_b)
        copy = rng.random(n) < [0.0, 0.5, 0.8, 0.95][i % 4]
        cases.append({"rater_a": a.tolist(), "rater_b": np.where(copy, a, own).tolist()})
    return cases
