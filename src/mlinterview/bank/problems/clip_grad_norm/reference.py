"""Reference global-norm clipping: one L2 norm over all tensors, one common scale factor."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> dict[str, object]:
    """torch.nn.utils.clip_grad_norm_: scale all by max_norm / (total + 1e-6) if that is < 1."""
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = float(np.sqrt(sum(float(np.sum(a * a)) for a in arrays)))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        arrays = [a * coef for a in arrays]
    return {"grads": arrays, "total_norm": total}
