"""Reference: argmax per row (first maximum wins), kept only when it reaches the threshold."""

import numpy as np


def pseudo_label(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    probs = np.asarray(probabilities, dtype=float)
    if probs.size == 0:
        return np.zeros(0, dtype=int)
    # np.argmax returns the first index of the maximum, which is the tie rule we need.
    labels = np.argmax(probs, axis=1)
    confident = probs.max(axis=1) >= threshold
    return np.where(confident, labels, -1)
