"""Random recommendation lists with repeats, plus one long list."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Repeats, short lists and string or int ids; one long list rules out quadratic lookups."""
    big = rng.integers(0, 200_000, size=100_000).tolist()
    big_relevant = rng.integers(0, 200_000, size=50_000).tolist()
    cases: list[dict[str, object]] = [{"recommended": big, "relevant": big_relevant, "k": 90_000}]
    for _ in range(1, count):
        catalogue = int(rng.integers(3, 30))
        n = int(rng.integers(0, 25))
        recommended = rng.integers(0, catalogue, size=n).tolist()
        relevant = rng.integers(0, catalogue, size=int(rng.integers(0, 10))).tolist()
        if rng.random() < 0.5:
            recommended = [f"item{i}" for i in recommended]
            relevant = [f"item{i}" for i in relevant]
        cases.append(
            {"recommended": recommended, "relevant": relevant, "k": int(rng.integers(1, 30))}
        )
    return cases[:count]
