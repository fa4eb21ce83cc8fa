"""Wrong: returns max(0, p - q) without dividing by its sum."""

import numpy as np


def speculative_accept(p_target: np.ndarray, q_draft: np.ndarray, token: int, u: float) -> dict:
    """The residual is not a probability distribution (its mass is the rejection rate)."""
    p = np.asarray(p_target, dtype=float)
    q = np.asarray(q_draft, dtype=float)
    if u < p[token] / q[token]:
        return {"accepted": True, "residual": None}
    return {"accepted": False, "residual": np.maximum(p - q, 0.0)}
