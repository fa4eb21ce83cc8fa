"""Wrong: exponentiates the total negative log-likelihood instead of the mean per token."""

import numpy as np


def perplexity(token_logprobs: np.ndarray) -> float:
    """exp(-sum): the inverse probability of the whole sequence, growing with its length."""
    logprobs = np.asarray(token_logprobs, dtype=float).ravel()
    with np.errstate(over="ignore"):
        return float(np.exp(-logprobs.sum()))
