"""Random linear layers: 2-D and 3-D inputs, square and rectangular weights."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Batch shapes (N,) or (B, T), widths 1-5; case 0 is (256, 128) through a 64-unit layer."""
    cases: list[dict[str, object]] = [
        {
            "x": rng.normal(size=(256, 128)),
            "w": rng.normal(0.0, 0.1, size=(64, 128)),
            "grad_out": rng.normal(0.0, 0.01, size=(256, 64)),
        }
    ]
    i = 0
    while len(cases) < count:
        d_in, d_out = (int(v) for v in rng.integers(1, 6, size=2))
        if i % 4 == 3:
            d_out = d_in  # square weights hide transposition mistakes from shape checks
        lead: tuple[int, ...] = (
            (int(rng.integers(1, 6)),)
            if i % 2 == 0
            else tuple(int(v) for v in rng.integers(1, 4, size=2))
        )
        cases.append(
            {
                "x": np.round(rng.normal(size=(*lead, d_in)), 3),
                "w": np.round(rng.normal(size=(d_out, d_in)), 3),
                "grad_out": np.round(rng.normal(size=(*lead, d_out)), 3),
            }
        )
        i += 1
    return cases
