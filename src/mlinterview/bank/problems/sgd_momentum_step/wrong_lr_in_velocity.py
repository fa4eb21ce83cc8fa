"""Wrong: the CS231n form v = mu v + lr g, p -= v; PyTorch keeps lr out of the velocity."""

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
    """Same trajectory only for a zero buffer; the stored velocity is lr times too small."""
    param = np.asarray(param, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * param
    v = momentum * np.asarray(velocity, dtype=float) + lr * g
    step = lr * g + momentum * v if nesterov else v
    return {"param": param - step, "velocity": v}
