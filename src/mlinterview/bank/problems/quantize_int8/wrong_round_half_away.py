"""Wrong: rounds halves away from zero (floor(|x| + 0.5)) instead of to the nearest even
integer."""

import numpy as np


def quantize_int8(w: np.ndarray) -> dict[str, object]:
    w = np.asarray(w, dtype=float)
    max_abs = float(np.abs(w).max()) if w.size else 0.0
    scale = max_abs / 127.0 if max_abs > 0 else 1.0
    x = w / scale
    q = np.sign(x) * np.floor(np.abs(x) + 0.5)
    return {"q": np.clip(q, -127, 127).astype(np.int64), "scale": scale}
