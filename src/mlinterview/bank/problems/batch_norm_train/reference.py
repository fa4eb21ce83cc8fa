"""Reference batch norm (training): biased variance to normalise, unbiased for running_var."""

import numpy as np


def batch_norm_train(
    x: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    running_mean: np.ndarray,
    running_var: np.ndarray,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> dict[str, np.ndarray]:
    """Per-feature statistics over the batch axis; running stats move by momentum towards them."""
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    mean = x.mean(axis=0)
    centred = x - mean  # two passes: accurate even for features far from zero
    var = (centred * centred).mean(axis=0)  # biased (ddof = 0): used to normalise
    out = centred / np.sqrt(var + eps) * np.asarray(gamma, dtype=float) + np.asarray(
        beta, dtype=float
    )
    unbiased = var * n / (n - 1)  # ddof = 1: what PyTorch stores in running_var
    return {
        "out": out,
        "running_mean": (1.0 - momentum) * np.asarray(running_mean, dtype=float) + momentum * mean,
        "running_var": (1.0 - momentum) * np.asarray(running_var, dtype=float)
        + momentum * unbiased,
    }
