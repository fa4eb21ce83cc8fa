"""Random Q-rows with frequent ties (small integer values) and mixed exploration draws."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Frequent Q-value ties, epsilon from 0 to 1: tie-break and exploration mistakes show."""
    cases: list[dict[str, object]] = []
    for _ in range(count):
        n = int(rng.integers(1, 8))
        q = rng.integers(-2, 3, size=n).astype(float)
        cases.append(
            {
                "q_values": q.tolist(),
                "epsilon": float(rng.choice([0.0, 0.1, 0.3, 1.0])),
                "u": float(np.round(rng.uniform(0.0, 0.99), 4)),
                "v": float(np.round(rng.uniform(0.0, 0.99), 4)),
            }
        )
    return cases
