"""Wrong: an exponential moving average v = mu v + (1 - mu) g instead of PyTorch's v = mu v + g."""

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
    """Dampening equal to the momentum shrinks every step by the factor 1 - mu."""
    param = np.asarray(param, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * param
    v = momentum * np.asarray(velocity, dtype=float) + (1.0 - momentum) * g
    step = g + momentum * v if nesterov else v
    return {"param": param - lr * step, "velocity": v}
