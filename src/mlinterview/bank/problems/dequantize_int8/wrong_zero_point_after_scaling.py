"""Wrong: scales first and subtracts the integer zero point afterwards (q * s - z)."""

import numpy as np


def dequantize_int8(q: np.ndarray, scale: np.ndarray, zero_point: np.ndarray) -> np.ndarray:
    """Mixes up the affine map; only symmetric quantisation (z = 0) survives this."""
    s = np.asarray(scale, dtype=float)[:, None]
    z = np.asarray(zero_point, dtype=float)[:, None]
    return np.asarray(q, dtype=float) * s - z
