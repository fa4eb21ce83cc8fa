"""Reference SGD step with PyTorch's semantics: coupled weight decay, momentum buffer, Nesterov."""

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
    """One torch.optim.SGD update (dampening 0); returns the new parameters and buffer."""
    param = np.asarray(param, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * param  # L2 term joins the gradient
    v = momentum * np.asarray(velocity, dtype=float) + g  # the buffer holds sum of gradients, no lr
    step = g + momentum * v if nesterov else v  # Nesterov: look ahead with the NEW buffer
    return {"param": param - lr * step, "velocity": v}
