"""Wrong: accepts when u <= p/q, so with u = 0 it keeps a token the target gives p = 0."""

import numpy as np


def speculative_accept(p_target: np.ndarray, q_draft: np.ndarray, token: int, u: float) -> dict:
    """Off at the boundary: an impossible token can slip through."""
    p = np.asarray(p_target, dtype=float)
    q = np.asarray(q_draft, dtype=float)
    if u <= p[token] / q[token]:
        return {"accepted": True, "residual": None}
    excess = np.maximum(p - q, 0.0)
    return {"accepted": False, "residual": excess / excess.sum()}
