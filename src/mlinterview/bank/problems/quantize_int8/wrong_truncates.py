"""Wrong: casts to int directly, which truncates towards zero instead of rounding."""

import numpy as np


def quantize_int8(w: np.ndarray) -> dict[str, object]:
    w = np.asarray(w, dtype=float)
    max_abs = float(np.abs(w).max()) if w.size else 0.0
    scale = max_abs / 127.0 if max_abs > 0 else 1.0
    return {"q": (w / scale).astype(np.int8), "scale": scale}
