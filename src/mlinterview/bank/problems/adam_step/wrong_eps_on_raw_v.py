"""Wrong: folds the bias correction into the step size (the paper's "efficient" form), so eps
is added to sqrt(v) before the correction instead of to sqrt(v_hat)."""

import numpy as np


def adam_step(
    param: np.ndarray,
    grad: np.ndarray,
    m: np.ndarray,
    v: np.ndarray,
    t: int,
    lr: float = 0.001,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> dict[str, np.ndarray]:
    """Same as the reference up to eps; differs once sqrt(v) is not much larger than eps."""
    param = np.asarray(param, dtype=float)
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1.0 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1.0 - beta2) * grad * grad
    step_size = lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
    new_param = param - step_size * m_new / (np.sqrt(v_new) + eps)
    return {"param": new_param, "m": m_new, "v": v_new}
