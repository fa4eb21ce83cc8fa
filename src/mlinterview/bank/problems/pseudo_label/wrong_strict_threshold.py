"""Wrong: keeps a prediction only when its probability is strictly above the threshold."""

import numpy as np


def pseudo_label(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    probs = np.asarray(probabilities, dtype=float)
    if probs.size == 0:
        return np.zeros(0, dtype=int)
    labels = np.argmax(probs, axis=1)
    return np.where(probs.max(axis=1) > threshold, labels, -1)
