"""Wrong: p = 2 * (1 - Phi(|z|)) with Phi from erf; the subtraction loses tiny p-values."""

import math


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int
) -> dict[str, float]:
    """Mathematically right, but 1 - Phi(z) rounds to 0 (or to noise) once |z| > ~8."""
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    if se == 0.0:
        return {"z": 0.0, "p_value": 1.0}
    z = (successes_a / n_a - successes_b / n_b) / se
    phi = 0.5 * (1.0 + math.erf(abs(z) / math.sqrt(2.0)))
    return {"z": z, "p_value": 2.0 * (1.0 - phi)}
