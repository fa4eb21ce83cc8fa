"""Reference Adam step: update both moments, bias-correct them, then move the parameters."""

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
    """t counts steps from 1, so the first step divides by 1 - beta ** 1."""
    param = np.asarray(param, dtype=float)
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1.0 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1.0 - beta2) * grad * grad
    m_hat = m_new / (1.0 - beta1**t)
    v_hat = v_new / (1.0 - beta2**t)
    new_param = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return {"param": new_param, "m": m_new, "v": v_new}
