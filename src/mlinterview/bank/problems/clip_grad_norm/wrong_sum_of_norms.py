"""Wrong: adds up the per-tensor norms instead of taking the norm of all entries together."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> dict[str, object]:
    """total = sum of ||g_i||, which overestimates sqrt(sum of ||g_i||²) for several tensors."""
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = float(sum(np.sqrt(np.sum(a * a)) for a in arrays))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        arrays = [a * coef for a in arrays]
    return {"grads": arrays, "total_norm": total}
