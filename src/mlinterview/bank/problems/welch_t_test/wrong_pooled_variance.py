"""Wrong: Student's t-test (pooled variance, df = n_a + n_b - 2) instead of Welch's."""

import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray) -> dict[str, float | None]:
    """Assumes equal variances; matches Welch only when the sample sizes are equal."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    pooled = ((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2)
    se2 = pooled * (1.0 / na + 1.0 / nb)
    if se2 == 0.0:
        return {"t": None, "df": None}
    t = (a.mean() - b.mean()) / np.sqrt(se2)
    return {"t": float(t), "df": float(na + nb - 2)}
