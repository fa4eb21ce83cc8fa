"""Reference Bradley-Terry fit with the MM (minorise-maximise) iteration."""

import numpy as np


def bradley_terry(wins: np.ndarray) -> np.ndarray:
    """Each MM round increases the likelihood; geometric-mean scaling pins the free factor."""
    w = np.asarray(wins, dtype=float)
    games = w + w.T
    total_wins = w.sum(axis=1)
    strength = np.ones(w.shape[0])
    for _ in range(20_000):
        expected_games = (games / (strength[:, None] + strength[None, :])).sum(axis=1)
        updated = total_wins / expected_games if w.shape[0] > 1 else strength
        updated = updated / np.exp(np.mean(np.log(updated)))
        change = float(np.max(np.abs(np.log(updated) - np.log(strength))))
        strength = updated
        if change < 1e-12:
            break
    return strength
