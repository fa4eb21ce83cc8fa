"""Wrong: clips every tensor by its own norm instead of one global norm over all of them."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> dict[str, object]:
    """Each gradient is scaled separately, which changes the direction of the full update."""
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))
    clipped = []
    for a in arrays:
        coef = max_norm / (float(np.sqrt(np.sum(a * a))) + 1e-6)
        clipped.append(a * coef if coef < 1.0 else a)
    return {"grads": clipped, "total_norm": total}
