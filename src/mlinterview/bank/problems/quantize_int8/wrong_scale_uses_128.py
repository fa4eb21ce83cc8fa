"""Wrong: divides the largest magnitude by 128 (the size of the negative int8 range), so the
grid is too fine and the largest weights are clipped."""

import numpy as np


def quantize_int8(w: np.ndarray) -> dict[str, object]:
    w = np.asarray(w, dtype=float)
    max_abs = float(np.abs(w).max()) if w.size else 0.0
    scale = max_abs / 128.0 if max_abs > 0 else 1.0
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int64)
    return {"q": q, "scale": scale}
