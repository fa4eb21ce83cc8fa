"""Random votes from small answer sets, so ties are frequent, plus one long list."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Ties are frequent among few distinct answers; one long tied list checks a linear count."""
    long_votes = ["A"] * 50_000 + ["B"] * 50_000
    order = rng.permutation(len(long_votes))
    cases: list[dict[str, object]] = [{"answers": [long_votes[i] for i in order]}]
    for _ in range(1, count):
        vocabulary = [str(v) for v in rng.choice(100, size=int(rng.integers(1, 5)), replace=False)]
        n = int(rng.integers(1, 12))
        cases.append({"answers": [vocabulary[int(j)] for j in rng.integers(0, len(vocabulary), n)]})
    return cases[:count]
