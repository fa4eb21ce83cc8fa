"""Wrong: Keras' momentum convention, running = momentum * running + (1 - momentum) * batch."""

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
    """Weights the old running statistics by momentum, the batch by 1 - momentum."""
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    out = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return {
        "out": out,
        "running_mean": momentum * running_mean + (1.0 - momentum) * mean,
        "running_var": momentum * running_var + (1.0 - momentum) * var * n / (n - 1),
    }
