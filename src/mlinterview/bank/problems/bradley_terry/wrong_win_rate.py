"""Wrong: uses each model's overall win rate as its strength, ignoring whom it played."""

import numpy as np


def bradley_terry(wins: np.ndarray) -> np.ndarray:
    """Win rates reward easy schedules; Bradley-Terry corrects for opponent strength."""
    w = np.asarray(wins, dtype=float)
    games = (w + w.T).sum(axis=1)
    rate = np.divide(w.sum(axis=1), games, out=np.ones(w.shape[0]), where=games > 0)
    return rate / np.exp(np.mean(np.log(rate)))
