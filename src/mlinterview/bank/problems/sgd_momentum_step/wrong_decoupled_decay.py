"""Wrong: weight decay shrinks the parameters directly (AdamW style), not added to the gradient."""

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
    """p -= lr * wd * p separately; the momentum buffer never sees the decay term."""
    param = np.asarray(param, dtype=float)
    g = np.asarray(grad, dtype=float)
    v = momentum * np.asarray(velocity, dtype=float) + g
    step = g + momentum * v if nesterov else v
    return {"param": param - lr * step - lr * weight_decay * param, "velocity": v}
