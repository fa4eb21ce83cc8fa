"""Random convolutions: mixed batch, channels, kernel shapes, strides and paddings."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Strides 1-3, paddings 0-2, non-square kernels and images; case 0 is (4, 3, 32, 32)."""
    cases: list[dict[str, object]] = [
        {
            "x": rng.normal(size=(4, 3, 32, 32)),
            "w": rng.normal(0.0, 0.3, size=(8, 3, 3, 3)),
            "b": rng.normal(size=8),
            "stride": 1,
            "padding": 1,
        }
    ]
    while len(cases) < count:
        n, c, f = (int(v) for v in rng.integers(1, 4, size=3))
        kh, kw = (int(v) for v in rng.integers(1, 4, size=2))
        stride = int(rng.integers(1, 4))
        padding = int(rng.integers(0, 3))
        h = int(rng.integers(max(1, kh - 2 * padding), 8))
        wd = int(rng.integers(max(1, kw - 2 * padding), 8))
        cases.append(
            {
                "x": np.round(rng.normal(size=(n, c, h, wd)), 3),
                "w": np.round(rng.normal(size=(f, c, kh, kw)), 3),
                "b": np.round(rng.normal(size=f), 3),
                "stride": stride,
                "padding": padding,
            }
        )
    return cases
