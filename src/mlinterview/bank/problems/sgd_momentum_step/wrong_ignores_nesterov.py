"""Wrong: ignores the nesterov flag and always takes the classical momentum step."""

import numpy as np


def sgd_momentum_step(
    param: np.ndarray,
    grad: np.ndarray,
    velocity: np.ndarray,
    lr: float,
    momentum: float,
    weight_decay: float = 0.0,
    nesterov: bool = False,
) -> dict[str, np.ndarray]:
    """Classical heavy-ball momentum whatever nesterov says."""
    param = np.asarray(param, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * param
    v = momentum * np.asarray(velocity, dtype=float) + g
    return {"param": param - lr * v, "velocity": v}
