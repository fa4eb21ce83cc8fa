"""Random two-sample data: shifted samples, heavy ties from coarse rounding, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Sizes 1..40 with shifts of either sign; case 0 has 60 000 values and needs sorting."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            na, nb = 35_000, 25_000
        else:
            na, nb = int(rng.integers(1, 41)), int(rng.integers(1, 41))
        shift = [0.0, 0.5, -0.8, 0.2][i % 4]
        a = rng.normal(shift, 1.0, size=na)
        b = rng.normal(0.0, 1.0, size=nb)
        decimals = [0, 1, 3][i % 3]  # 0 decimals: many ties
        cases.append({"a": np.round(a, decimals).tolist(), "b": np.round(b, decimals).tolist()})
    return cases
