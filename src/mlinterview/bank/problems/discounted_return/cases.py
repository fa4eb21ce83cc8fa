"""Random episodes, including a very long one that rules out quadratic solutions."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Many gammas; 50,000 steps rule out O(T^2), a long episode makes gamma^t underflow."""
    long_rewards = rng.integers(-1, 2, size=50_000).tolist()
    cases: list[dict[str, object]] = [
        {"rewards": long_rewards, "gamma": 0.99},
        # 0.5 ** 1200 underflows to 0: solutions that divide by gamma ** t break here.
        {"rewards": [1] * 1200, "gamma": 0.5},
    ]
    gammas = [0.0, 0.5, 0.9, 0.99, 1.0]
    for i in range(2, count):
        n = int(rng.integers(1, 40))
        cases.append(
            {
                "rewards": np.round(rng.normal(0.0, 2.0, size=n), 3).tolist(),
                "gamma": gammas[i % len(gammas)] if i % 3 else float(rng.uniform(0.0, 1.0)),
            }
        )
    return cases[:count]
