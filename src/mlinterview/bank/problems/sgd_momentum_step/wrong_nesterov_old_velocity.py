"""Wrong: the Nesterov step looks ahead with the OLD velocity, g + mu * v_old, not the new one."""

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
    """Right without Nesterov; with it, the look-ahead term uses the buffer before the update."""
    param = np.asarray(param, dtype=float)
    velocity = np.asarray(velocity, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * param
    v = momentum * velocity + g
    step = g + momentum * velocity if nesterov else v
    return {"param": param - lr * step, "velocity": v}
