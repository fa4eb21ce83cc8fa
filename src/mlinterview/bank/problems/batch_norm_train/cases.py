"""Random training batches: batch sizes 2-9, offsets far from zero, random momentum and eps."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Small batches where ddof matters, features near 1e6, momentum 0-1; case 0 is (512, 64)."""
    d = 64
    cases: list[dict[str, object]] = [
        {
            "x": rng.normal(0.0, 2.0, size=(512, d)) + rng.normal(0.0, 50.0, size=d),
            "gamma": rng.normal(1.0, 0.2, size=d),
            "beta": rng.normal(0.0, 0.2, size=d),
            "running_mean": rng.normal(0.0, 1.0, size=d),
            "running_var": rng.uniform(0.5, 2.0, size=d),
            "momentum": 0.1,
            "eps": 1e-5,
        }
    ]
    for i in range(1, count):
        n = int(rng.integers(2, 10))
        d = int(rng.integers(1, 6))
        offset = [0.0, 5.0, -300.0, 1e6][i % 4]
        spread = [1.0, 0.01, 20.0][i % 3]
        cases.append(
            {
                "x": np.round(offset + spread * rng.normal(size=(n, d)), 4),
                "gamma": np.round(rng.normal(1.0, 0.5, size=d), 3),
                "beta": np.round(rng.normal(0.0, 0.5, size=d), 3),
                "running_mean": np.round(rng.normal(0.0, 1.0, size=d), 3),
                "running_var": np.round(rng.uniform(0.1, 3.0, size=d), 3),
                "momentum": float(rng.choice([0.0, 0.01, 0.1, 0.3, 0.9, 1.0])),
                "eps": float(rng.choice([1e-5, 1e-3, 0.1])),
            }
        )
    return cases
