"""Wrong: returns the one-sided p-value (half the two-sided one)."""

import math


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int
) -> dict[str, float]:
    """Correct z, but P(Z > |z|) instead of P(|Z| > |z|)."""
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    if se == 0.0:
        return {"z": 0.0, "p_value": 1.0}
    z = (successes_a / n_a - successes_b / n_b) / se
    return {"z": z, "p_value": 0.5 * math.erfc(abs(z) / math.sqrt(2.0))}
