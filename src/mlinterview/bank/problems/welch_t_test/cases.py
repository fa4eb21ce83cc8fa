"""Random two-sample data: unequal sizes and spreads, offsets far from zero, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Sizes 2..40 with different variances and offsets up to 1e7; case 0 has 50 000 values."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            na, nb = 30_000, 20_000
        else:
            na, nb = int(rng.integers(2, 41)), int(rng.integers(2, 41))
        offset = [0.0, 3.0, -250.0, 1e7][i % 4]
        sa, sb = [(1.0, 1.0), (0.5, 4.0), (10.0, 0.1)][i % 3]
        shift = float(rng.normal(0.0, 1.0))
        a = offset + shift + sa * rng.normal(size=na)
        b = offset + sb * rng.normal(size=nb)
        cases.append({"a": np.round(a, 4), "b": np.round(b, 4)})
    return cases
