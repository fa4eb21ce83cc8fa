"""Wrong: averages the inverse probabilities 1/p instead of exponentiating the mean log-loss."""

import numpy as np


def perplexity(token_logprobs: np.ndarray) -> float:
    """The arithmetic mean of 1/p; perplexity is their geometric mean."""
    logprobs = np.asarray(token_logprobs, dtype=float).ravel()
    with np.errstate(over="ignore"):
        return float(np.mean(np.exp(-logprobs)))
