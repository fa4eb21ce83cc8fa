"""Wrong: on rejection resamples from p itself instead of from max(0, p - q) normalised."""

import numpy as np


def speculative_accept(p_target: np.ndarray, q_draft: np.ndarray, token: int, u: float) -> dict:
    """Looks safe, but double-counts the mass the draft already covered, biasing the output."""
    p = np.asarray(p_target, dtype=float)
    q = np.asarray(q_draft, dtype=float)
    if u < p[token] / q[token]:
        return {"accepted": True, "residual": None}
    return {"accepted": False, "residual": p / p.sum()}
