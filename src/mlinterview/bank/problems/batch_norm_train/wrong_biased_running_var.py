"""Wrong: updates running_var with the biased batch variance; PyTorch stores the unbiased one."""

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
    """The output is right; running_var is too small by the factor (N - 1) / N in its update."""
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    out = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return {
        "out": out,
        "running_mean": (1.0 - momentum) * running_mean + momentum * mean,
        "running_var": (1.0 - momentum) * running_var + momentum * var,
    }
