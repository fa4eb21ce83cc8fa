"""Wrong: raises 2 to the mean negative log-probability, although the logs are natural."""

import numpy as np


def perplexity(token_logprobs: np.ndarray) -> float:
    """2 ** H is right only when H is measured in bits."""
    logprobs = np.asarray(token_logprobs, dtype=float).ravel()
    return float(2.0 ** (-logprobs.mean()))
