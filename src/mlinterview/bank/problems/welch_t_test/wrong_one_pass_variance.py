"""Wrong: one-pass variance (sum of squares minus n * mean^2), which cancels far from zero."""

import numpy as np


def _sample_var(x: np.ndarray) -> float:
    n = x.size
    return float((np.sum(x * x) - n * x.mean() ** 2) / (n - 1))


def welch_t_test(a: np.ndarray, b: np.ndarray) -> dict[str, float | None]:
    """Correct formulas, but the variance of values near 1e7 loses most of its digits."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    va = _sample_var(a) / a.size
    vb = _sample_var(b) / b.size
    se2 = va + vb
    if se2 == 0.0:
        return {"t": None, "df": None}
    t = (a.mean() - b.mean()) / np.sqrt(se2)
    df = se2**2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    return {"t": float(t), "df": float(df)}
