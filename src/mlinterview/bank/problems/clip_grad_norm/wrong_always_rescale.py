"""Wrong: always rescales to max_norm, so small gradients are blown up instead of left alone."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> dict[str, object]:
    """Multiplies by max_norm / (total + 1e-6) even when that factor is larger than 1."""
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))
    coef = max_norm / (total + 1e-6)
    return {"grads": [a * coef for a in arrays], "total_norm": total}
