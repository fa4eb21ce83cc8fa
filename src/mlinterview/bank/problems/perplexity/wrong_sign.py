"""Wrong: drops the minus sign and returns exp(mean log p), the inverse of the perplexity."""

import numpy as np


def perplexity(token_logprobs: np.ndarray) -> float:
    """A number in (0, 1]: the geometric mean probability, not the perplexity."""
    logprobs = np.asarray(token_logprobs, dtype=float).ravel()
    return float(np.exp(logprobs.mean()))
