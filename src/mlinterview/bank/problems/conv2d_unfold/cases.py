"""Random convolutions: rectangular images and kernels, strides 1-3, padding 0-2; one larger."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Case 0 is (4, 8, 16, 16) with 16 3x3 filters and padding 1; the rest are small."""
    cases: list[dict[str, object]] = [
        {
            "x": np.round(rng.normal(size=(4, 8, 16, 16)), 4),
            "weight": np.round(rng.normal(0.0, 0.2, size=(16, 8, 3, 3)), 4),
            "bias": np.round(rng.normal(0.0, 0.1, size=16), 4),
            "stride": 1,
            "padding": 1,
        }
    ]
    while len(cases) < count:
        n, c_in, c_out = (int(v) for v in rng.integers(1, 4, size=3))
        kh, kw = (int(v) for v in rng.integers(1, 4, size=2))
        stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
        h = int(rng.integers(max(1, kh - 2 * padding), 9))
        w = int(rng.integers(max(1, kw - 2 * padding), 9))
        cases.append(
            {
                "x": np.round(rng.normal(size=(n, c_in, h, w)), 3),
                "weight": np.round(rng.normal(size=(c_out, c_in, kh, kw)), 3),
                "bias": np.round(rng.normal(size=c_out), 3),
                "stride": stride,
                "padding": padding,
            }
        )
    return cases
