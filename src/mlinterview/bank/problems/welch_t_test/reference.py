"""Reference: Welch's t statistic and the Welch-Satterthwaite degrees of freedom."""

import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray) -> dict[str, float | None]:
    """Two-pass sample variances (ddof 1); None for both values when both samples are constant."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    va = a.var(ddof=1) / a.size  # squared standard error of mean(a)
    vb = b.var(ddof=1) / b.size
    se2 = va + vb
    if se2 == 0.0:
        return {"t": None, "df": None}
    t = (a.mean() - b.mean()) / np.sqrt(se2)
    df = se2**2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    return {"t": float(t), "df": float(df)}
