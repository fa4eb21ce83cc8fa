"""Wrong: counts only the games i won as n_ij in the MM denominator, not all games of the pair."""

import numpy as np


def bradley_terry(wins: np.ndarray) -> np.ndarray:
    """Losses then never pull a strength down, so the estimates are biased towards equality."""
    w = np.asarray(wins, dtype=float)
    total_wins = w.sum(axis=1)
    strength = np.ones(w.shape[0])
    for _ in range(20_000):
        expected = (w / (strength[:, None] + strength[None, :])).sum(axis=1)
        updated = total_wins / expected if w.shape[0] > 1 else strength
        updated = updated / np.exp(np.mean(np.log(updated)))
        change = float(np.max(np.abs(np.log(updated) - np.log(strength))))
        strength = updated
        if change < 1e-12:
            break
    return strength
