"""Random pooling inputs: sizes 1-4, strides below, at and above the size, odd image sizes."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Negative, positive or mixed values, overlapping and gapped windows; case 0 is large."""
    cases: list[dict[str, object]] = [
        {"x": rng.normal(size=(8, 16, 32, 32)), "size": 3, "stride": 2},
    ]
    while len(cases) < count:
        size = int(rng.integers(1, 5))
        stride = int(rng.integers(1, 5))
        n, c = (int(v) for v in rng.integers(1, 3, size=2))
        h, w = (int(v) for v in rng.integers(size, 9, size=2))
        shift = float(rng.choice([0.0, -3.0, 3.0]))
        cases.append(
            {
                "x": np.round(rng.normal(shift, 1.0, size=(n, c, h, w)), 2),
                "size": size,
                "stride": stride,
            }
        )
    return cases
