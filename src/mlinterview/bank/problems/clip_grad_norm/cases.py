"""Random gradient lists: 1-5 tensors of mixed shapes and scales, clipped or not."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Norms from 1e-4 to 1e3 against max_norm 0.01-10; case 0 holds about 100 000 entries."""
    big = [rng.normal(0.0, 0.01, size=s) for s in [(256, 256), (256,), (128, 256), (128,)]]
    cases: list[dict[str, object]] = [{"grads": big, "max_norm": 1.0}]
    while len(cases) < count:
        k = int(rng.integers(1, 6))
        scale = 10.0 ** rng.uniform(-4.0, 3.0)
        grads = []
        for _ in range(k):
            shape = (
                (int(rng.integers(1, 6)),) if rng.random() < 0.5 else (2, int(rng.integers(1, 4)))
            )
            grads.append(rng.normal(0.0, scale, size=shape))
        cases.append({"grads": grads, "max_norm": float(rng.choice([0.01, 0.1, 1.0, 5.0, 10.0]))})
    return cases
