"""Random layer-norm inputs: 1-D to 3-D, offsets far from zero, several eps; one larger case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Mixed ranks, feature widths, offsets up to 1e6 and eps values; one (16, 32, 128) batch."""
    cases: list[dict[str, object]] = []
    d = 128
    cases.append(
        {
            "x": rng.normal(0.0, 3.0, size=(16, 32, d)) + rng.normal(0.0, 10.0, size=(16, 32, 1)),
            "gamma": rng.normal(1.0, 0.2, size=d),
            "beta": rng.normal(0.0, 0.2, size=d),
            "eps": 1e-5,
        }
    )
    for i in range(1, count):
        shape: tuple[int, ...] = [(), (3,), (2, 3), (4,)][i % 4]
        d = int(rng.integers(1, 9))
        offset = [0.0, 5.0, -300.0, 1e6][(i // 4) % 4]
        spread = [1.0, 0.01, 20.0][i % 3]
        x = offset + spread * rng.normal(size=(*shape, d))
        cases.append(
            {
                "x": np.round(x, 4),
                "gamma": np.round(rng.normal(1.0, 0.5, size=d), 3),
                "beta": np.round(rng.normal(0.0, 0.5, size=d), 3),
                "eps": [1e-5, 1e-3, 0.1][(i // 3) % 3],
            }
        )
    return cases[:count]
