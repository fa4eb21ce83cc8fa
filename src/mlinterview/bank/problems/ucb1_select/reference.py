"""Reference UCB1 arm selection: untried arms first, then the largest upper confidence bound."""

import numpy as np

TIE = 1e-12  # scores this close to the best count as tied


def ucb1_select(counts: np.ndarray, values: np.ndarray, t: int, c: float = 2.0) -> int:
    """argmax of mean + sqrt(c * ln(t) / n), lowest index on ties."""
    counts = np.asarray(counts, dtype=float).ravel()
    values = np.asarray(values, dtype=float).ravel()
    untried = np.flatnonzero(counts == 0)
    if untried.size:
        return int(untried[0])
    scores = values + np.sqrt(c * np.log(t) / counts)
    return int(np.argmax(scores >= scores.max() - TIE))
