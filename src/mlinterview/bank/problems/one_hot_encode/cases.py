"""Random encodings: unknown values, unused categories, unsorted category lists, one large case."""

import numpy as np

WORDS = ["red", "green", "blue", "cat", "dog", "Berlin", "berlin", "Zürich", "a", "b", "", "x y"]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Values drawn partly outside the categories; case 0 is 5000 values by 30 categories."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            pool = [f"city_{j}" for j in range(40)]
            k, n = 30, 5000
        else:
            pool = WORDS
            k, n = int(rng.integers(1, 9)), int(rng.integers(0, 15))
        categories = [str(c) for c in rng.choice(pool, size=k, replace=False)]
        values = [str(v) for v in rng.choice(pool, size=n)]
        cases.append({"values": values, "categories": categories})
    return cases
