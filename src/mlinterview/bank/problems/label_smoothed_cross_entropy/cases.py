"""Random classifier batches: 1-8 samples, 1-6 classes, logit scales up to 1e4, any smoothing."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Small batches, extreme logits, smoothing 0-1; case 0 is 2000 samples of 100 classes."""
    cases: list[dict[str, object]] = [
        {
            "logits": rng.normal(0.0, 3.0, size=(2000, 100)),
            "targets": rng.integers(0, 100, size=2000),
            "smoothing": 0.1,
        }
    ]
    while len(cases) < count:
        n = int(rng.integers(1, 9))
        c = int(rng.integers(1, 7))
        scale = float(rng.choice([0.1, 1.0, 10.0, 1e3, 1e4]))
        cases.append(
            {
                "logits": np.round(rng.normal(0.0, scale, size=(n, c)), 3),
                "targets": rng.integers(0, c, size=n),
                "smoothing": float(rng.choice([0.0, 0.05, 0.1, 0.2, 0.5, 1.0])),
            }
        )
    return cases
