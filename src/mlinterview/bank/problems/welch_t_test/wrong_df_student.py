"""Wrong: Welch's t statistic, but Student's degrees of freedom n_a + n_b - 2."""

import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray) -> dict[str, float | None]:
    """Skips the Welch-Satterthwaite formula; df is too large when the variances differ."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    va = a.var(ddof=1) / a.size
    vb = b.var(ddof=1) / b.size
    se2 = va + vb
    if se2 == 0.0:
        return {"t": None, "df": None}
    t = (a.mean() - b.mean()) / np.sqrt(se2)
    return {"t": float(t), "df": float(a.size + b.size - 2)}
