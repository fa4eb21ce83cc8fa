"""Reference softmax: subtract each row's maximum before exponentiating."""

import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    """Shift by the row maximum so the largest exponent is exp(0) = 1 and nothing overflows."""
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
