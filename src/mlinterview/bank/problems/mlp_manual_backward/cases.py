"""Random small MLPs: widths 1-5, some hidden units dead for some rows; one larger batch."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Case 0 is a (64, 16) batch through 32 hidden units to 4 outputs; the rest are small."""
    cases: list[dict[str, object]] = [
        {
            "x": np.round(rng.normal(size=(64, 16)), 4),
            "y": np.round(rng.normal(size=(64, 4)), 4),
            "w1": np.round(rng.normal(0.0, 0.25, size=(32, 16)), 4),
            "b1": np.round(rng.normal(0.0, 0.1, size=32), 4),
            "w2": np.round(rng.normal(0.0, 0.2, size=(4, 32)), 4),
            "b2": np.round(rng.normal(0.0, 0.1, size=4), 4),
        }
    ]
    while len(cases) < count:
        n, d_in, hidden, d_out = (int(v) for v in rng.integers(1, 6, size=4))
        cases.append(
            {
                "x": np.round(rng.normal(size=(n, d_in)), 3),
                "y": np.round(rng.normal(size=(n, d_out)), 3),
                "w1": np.round(rng.normal(size=(hidden, d_in)), 3),
                "b1": np.round(rng.normal(size=hidden), 3),
                "w2": np.round(rng.normal(size=(d_out, hidden)), 3),
                "b2": np.round(rng.normal(size=d_out), 3),
            }
        )
    return cases
