"""Reference perplexity: the exponential of the mean negative log-likelihood per token."""

import numpy as np


def perplexity(token_logprobs: np.ndarray) -> float:
    """exp(-mean(log p)) computed in log space, so long sequences cannot underflow."""
    logprobs = np.asarray(token_logprobs, dtype=float).ravel()
    return float(np.exp(-logprobs.mean()))
