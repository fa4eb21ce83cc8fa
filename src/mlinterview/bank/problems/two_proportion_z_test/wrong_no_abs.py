"""Wrong: p = erfc(z / sqrt 2) without the absolute value; a negative z gives p > 1."""

import math


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int
) -> dict[str, float]:
    """Right whenever p_a >= p_b; for p_a < p_b the p-value is 2 minus the right one."""
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    if se == 0.0:
        return {"z": 0.0, "p_value": 1.0}
    z = (successes_a / n_a - successes_b / n_b) / se
    return {"z": z, "p_value": math.erfc(z / math.sqrt(2.0))}
