"""Reference: pooled two-proportion z-test with a two-sided p-value from math.erfc."""

import math


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int
) -> dict[str, float]:
    """z from the pooled standard error; p = erfc(|z| / sqrt 2) keeps tiny p-values exact."""
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    if se == 0.0:  # everybody succeeded or nobody did: no evidence of a difference
        return {"z": 0.0, "p_value": 1.0}
    z = (successes_a / n_a - successes_b / n_b) / se
    return {"z": z, "p_value": math.erfc(abs(z) / math.sqrt(2.0))}
