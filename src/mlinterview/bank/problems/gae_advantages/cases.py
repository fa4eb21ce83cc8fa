"""Random rollouts: several environments, episode ends at random steps, varied gamma and lam."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """T up to 128 and N up to 8; ends with probability 0.05-0.3; gamma 0.9-1.0, lam 0-1."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        steps, envs = (128, 8) if i == 0 else (int(rng.integers(1, 9)), int(rng.integers(1, 4)))
        p_done = [0.05, 0.15, 0.3][i % 3]
        cases.append(
            {
                "rewards": np.round(rng.normal(0.5, 1.0, size=(steps, envs)), 3),
                "values": np.round(rng.normal(2.0, 1.5, size=(steps, envs)), 3),
                "dones": rng.random(size=(steps, envs)) < p_done,
                "last_value": np.round(rng.normal(2.0, 1.5, size=envs), 3),
                "gamma": [0.99, 0.9, 1.0][(i // 3) % 3],
                "lam": [0.95, 0.5, 0.0, 1.0][i % 4],
            }
        )
    return cases
