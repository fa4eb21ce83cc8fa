"""Simulated tournaments from known strengths; only well-posed win matrices are kept."""

import numpy as np


def _strongly_connected(wins: np.ndarray) -> bool:
    """Every model must reach every other through "beat" edges, in both directions."""
    n = wins.shape[0]
    beat = wins > 0
    for adjacency in (beat, beat.T):
        reached = np.zeros(n, dtype=bool)
        reached[0] = True
        frontier = [0]
        while frontier:
            i = frontier.pop()
            for j in np.flatnonzero(adjacency[i] & ~reached):
                reached[j] = True
                frontier.append(int(j))
        if not reached.all():
            return False
    return True


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Tournaments from known strengths, some pairs never meet; 50 models test convergence."""
    cases: list[dict[str, object]] = []
    i = 0
    while len(cases) < count:
        n = 50 if i == 0 else int(rng.integers(2, 9))
        i += 1
        strength = np.exp(rng.normal(0.0, 1.0, size=n))
        games = np.triu(rng.integers(0, 8, size=(n, n)), 1)
        p_win = strength[:, None] / (strength[:, None] + strength[None, :])
        upper = rng.binomial(games, np.triu(p_win, 1))
        wins = upper + np.triu(games - upper, 1).T
        if _strongly_connected(wins):
            cases.append({"wins": wins.tolist()})
    return cases
