"""Reference acceptance rule of speculative sampling for one draft token."""

import numpy as np


def speculative_accept(p_target: np.ndarray, q_draft: np.ndarray, token: int, u: float) -> dict:
    """Accept with probability min(1, p/q); on rejection resample from the clipped excess."""
    p = np.asarray(p_target, dtype=float)
    q = np.asarray(q_draft, dtype=float)
    if u < p[token] / q[token]:
        return {"accepted": True, "residual": None}
    excess = np.maximum(p - q, 0.0)
    return {"accepted": False, "residual": excess / excess.sum()}
