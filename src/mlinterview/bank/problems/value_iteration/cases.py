"""Random MDPs: stochastic transitions, duplicated actions (exact ties), one larger MDP."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Duplicated actions give tied values; case 0 has 150 states and 4 actions at gamma 0.95."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n_states = 150 if i == 0 else int(rng.integers(1, 7))
        n_actions = 4 if i == 0 else int(rng.integers(1, 5))
        counts = rng.integers(0, 4, size=(n_states, n_actions, n_states)) * (
            rng.random((n_states, n_actions, n_states)) < 0.5
        )
        counts[..., 0] += counts.sum(axis=2) == 0  # every row needs some mass
        P = counts / counts.sum(axis=2, keepdims=True)
        R = np.round(rng.normal(0.0, 1.0, size=(n_states, n_actions)), 2)
        if n_actions > 1 and i % 3 == 1:
            P[:, -1], R[:, -1] = P[:, 0], R[:, 0]  # the last action copies the first
        gamma = [0.9, 0.5, 0.99, 0.0, 0.75][i % 5] if i else 0.95
        tol = 1e-8 if i == 0 else 1e-10
        cases.append({"P": P, "R": R, "gamma": gamma, "tol": tol})
    return cases
