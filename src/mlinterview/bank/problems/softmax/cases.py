"""Random softmax inputs: vectors and batches, some with very large logits."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Huge logit scales make a naive exp overflow; batches test the per-row axis."""
    cases: list[dict[str, object]] = [{"z": rng.normal(0.0, 50.0, size=(60, 200)).tolist()}]
    for i in range(1, count):
        scale = [1.0, 10.0, 300.0, 2000.0][i % 4]
        n = int(rng.integers(1, 12))
        if i % 2 == 0:
            z = rng.normal(0.0, scale, size=n)
        else:
            m = int(rng.integers(1, 6))
            offsets = rng.normal(0.0, scale, size=(m, 1))
            z = offsets + rng.normal(0.0, 3.0, size=(m, n))
        cases.append({"z": z.tolist()})
    return cases[:count]
