"""Wrong: stores the bias-corrected moments as the new state instead of the raw ones."""

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
    """The parameter update is right, but the returned m and v are divided by 1 - beta ** t."""
    param = np.asarray(param, dtype=float)
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1.0 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1.0 - beta2) * grad * grad
    m_new = m_new / (1.0 - beta1**t)
    v_new = v_new / (1.0 - beta2**t)
    new_param = param - lr * m_new / (np.sqrt(v_new) + eps)
    return {"param": new_param, "m": m_new, "v": v_new}
