"""Random SARSA steps where the chosen next action is often not the greedy one."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Terminal steps and non-greedy next actions in random tables test the SARSA target."""
    cases: list[dict[str, object]] = []
    for _ in range(count):
        n_states = int(rng.integers(1, 6))
        n_actions = int(rng.integers(1, 5))
        q = np.round(rng.normal(0.0, 2.0, size=(n_states, n_actions)), 3)
        cases.append(
            {
                "q_table": q.tolist(),
                "s": int(rng.integers(0, n_states)),
                "a": int(rng.integers(0, n_actions)),
                "r": float(np.round(rng.normal(0.0, 1.0), 3)),
                "s_next": int(rng.integers(0, n_states)),
                "a_next": int(rng.integers(0, n_actions)),
                "alpha": float(rng.choice([0.1, 0.5, 1.0])),
                "gamma": float(rng.choice([0.0, 0.9, 1.0])),
                "done": bool(rng.random() < 0.25),
            }
        )
    return cases
