"""Wrong: adds eps to the standard deviation instead of the variance under the square root."""

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
    """(x - mean) / (std + eps): differs visibly when the variance is small next to eps."""
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    out = (x - mean) / (np.sqrt(var) + eps) * gamma + beta
    return {
        "out": out,
        "running_mean": (1.0 - momentum) * running_mean + momentum * mean,
        "running_var": (1.0 - momentum) * running_var + momentum * var * n / (n - 1),
    }
