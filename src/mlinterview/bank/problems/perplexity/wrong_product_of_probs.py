"""Wrong: multiplies the token probabilities and takes the n-th root, which underflows."""

import numpy as np


def perplexity(token_logprobs: np.ndarray) -> float:
    """prod(p) ** (-1/n): right on paper, but prod(p) is 0.0 after a few hundred tokens."""
    logprobs = np.asarray(token_logprobs, dtype=float).ravel()
    with np.errstate(divide="ignore", over="ignore"):
        return float(np.prod(np.exp(logprobs)) ** (-1.0 / logprobs.size))
