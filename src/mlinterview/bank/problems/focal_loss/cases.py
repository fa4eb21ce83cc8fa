"""Random multi-label batches: about 30% positives, logits of spread 3, varied alpha and gamma."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Case 0 is (256, 20) with the defaults; the others mix shapes, alpha (incl. -1) and gamma."""
    cases: list[dict[str, object]] = [
        {
            "logits": np.round(rng.normal(-1.0, 3.0, size=(256, 20)), 4),
            "targets": (rng.random(size=(256, 20)) < 0.3).astype(float),
        }
    ]
    while len(cases) < count:
        shape = [(int(rng.integers(1, 9)),), (int(rng.integers(1, 5)), int(rng.integers(1, 5)))][
            len(cases) % 2
        ]
        cases.append(
            {
                "logits": np.round(rng.normal(0.0, 3.0, size=shape), 3),
                "targets": (rng.random(size=shape) < 0.3).astype(float),
                "alpha": float(rng.choice([0.25, 0.5, 0.8, -1.0])),
                "gamma": float(rng.choice([0.0, 0.5, 1.0, 2.0, 3.0])),
            }
        )
    return cases
