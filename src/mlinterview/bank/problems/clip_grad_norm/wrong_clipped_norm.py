"""Wrong: reports the norm after clipping; PyTorch returns the total norm before clipping."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> dict[str, object]:
    """The gradients are right, total_norm is the clipped one (about max_norm when clipping)."""
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        arrays = [a * coef for a in arrays]
        total = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))
    return {"grads": arrays, "total_norm": total}
