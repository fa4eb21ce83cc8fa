"""Wrong: unpooled (Wald) standard error from each group's own rate instead of the pooled rate."""

import math


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int
) -> dict[str, float]:
    """sqrt(p_a(1-p_a)/n_a + p_b(1-p_b)/n_b): the CI formula, not the test under H0."""
    pa, pb = successes_a / n_a, successes_b / n_b
    se = math.sqrt(pa * (1.0 - pa) / n_a + pb * (1.0 - pb) / n_b)
    if se == 0.0:
        return {"z": 0.0, "p_value": 1.0}
    z = (pa - pb) / se
    return {"z": z, "p_value": math.erfc(abs(z) / math.sqrt(2.0))}
