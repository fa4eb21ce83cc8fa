"""Wrong: population variances (ddof 0) instead of sample variances (ddof 1)."""

import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray) -> dict[str, float | None]:
    """np.var's default divides by n, which shrinks the standard error and inflates t."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    va = a.var() / a.size
    vb = b.var() / b.size
    se2 = va + vb
    if se2 == 0.0:
        return {"t": None, "df": None}
    t = (a.mean() - b.mean()) / np.sqrt(se2)
    df = se2**2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    return {"t": float(t), "df": float(df)}
