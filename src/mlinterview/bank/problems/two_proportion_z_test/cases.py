"""Random A/B counts: small and large groups, rates near 0, near 1 and in between."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Group sizes from 1 to 10^7 with base rates 0.001..0.999 and lifts of either sign."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        scale = [10, 1_000, 100_000, 10_000_000][i % 4]
        n_a = int(rng.integers(1, scale + 1))
        n_b = int(rng.integers(1, scale + 1))
        base = float(rng.choice([0.001, 0.02, 0.1, 0.5, 0.9, 0.999]))
        lift = float(rng.normal(0.0, 0.05)) * base
        rate_b = min(max(base + lift, 0.0), 1.0)
        cases.append(
            {
                "successes_a": int(rng.binomial(n_a, base)),
                "n_a": n_a,
                "successes_b": int(rng.binomial(n_b, rate_b)),
                "n_b": n_b,
            }
        )
    return cases
