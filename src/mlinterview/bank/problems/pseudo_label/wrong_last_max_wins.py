"""Wrong: resolves ties towards the largest class index instead of the smallest."""

import numpy as np


def pseudo_label(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    probs = np.asarray(probabilities, dtype=float)
    if probs.size == 0:
        return np.zeros(0, dtype=int)
    c = probs.shape[1]
    # Reversing the columns makes argmax pick the last maximum.
    labels = c - 1 - np.argmax(probs[:, ::-1], axis=1)
    return np.where(probs.max(axis=1) >= threshold, labels, -1)
