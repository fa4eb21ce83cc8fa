"""Wrong: subtracts the zero point in int8 arithmetic, which wraps around past +-127."""

import numpy as np


def dequantize_int8(q: np.ndarray, scale: np.ndarray, zero_point: np.ndarray) -> np.ndarray:
    """Keeps the storage dtype to save memory; 127 - (-128) silently becomes -1."""
    q8 = np.asarray(q).astype(np.int8)
    zp8 = np.asarray(zero_point).astype(np.int8)
    centred = q8 - zp8[:, None]
    return centred.astype(float) * np.asarray(scale, dtype=float)[:, None]
