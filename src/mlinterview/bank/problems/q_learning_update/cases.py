"""Random Q-tables and transition batches with repeats and terminal steps."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Repeated pairs and re-read rows need sequential updates; one long run tests speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n_states = 50 if i == 0 else int(rng.integers(1, 6))
        n_actions = 4 if i == 0 else int(rng.integers(1, 4))
        n_steps = 5_000 if i == 0 else int(rng.integers(1, 30))
        q = np.round(rng.normal(0.0, 1.0, size=(n_states, n_actions)), 3)
        transitions = [
            [
                int(rng.integers(0, n_states)),
                int(rng.integers(0, n_actions)),
                float(np.round(rng.normal(0.0, 1.0), 3)),
                int(rng.integers(0, n_states)),
                bool(rng.random() < 0.2),
            ]
            for _ in range(n_steps)
        ]
        cases.append(
            {
                "q_table": q.tolist(),
                "transitions": transitions,
                "alpha": float(rng.choice([0.1, 0.5, 1.0])),
                "gamma": float(rng.choice([0.0, 0.9, 0.99, 1.0])),
            }
        )
    return cases
