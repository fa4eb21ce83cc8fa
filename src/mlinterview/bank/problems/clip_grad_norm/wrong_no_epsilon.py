"""Wrong: clips only if total > max_norm and scales by max_norm / total, without PyTorch's 1e-6."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> dict[str, object]:
    """The textbook rule; differs from PyTorch when the norm is small or equals max_norm."""
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))
    if total > max_norm:
        arrays = [a * (max_norm / total) for a in arrays]
    return {"grads": arrays, "total_norm": total}
