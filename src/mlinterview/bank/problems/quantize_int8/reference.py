"""Reference: symmetric per-tensor INT8, round half to even, clip to [-127, 127]."""

import numpy as np


def quantize_int8(w: np.ndarray) -> dict[str, object]:
    w = np.asarray(w, dtype=float)
    max_abs = float(np.abs(w).max()) if w.size else 0.0
    scale = max_abs / 127.0 if max_abs > 0 else 1.0
    # np.rint rounds halves to even; the clip only guards against rounding past the range.
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int64)
    return {"q": q, "scale": scale}
