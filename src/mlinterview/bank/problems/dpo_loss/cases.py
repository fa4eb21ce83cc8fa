"""Random preference batches: realistic sequence log-probs, some margins in the thousands."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Log-probs near -100 with varied beta; every third batch has margins of +-1e3 to 1e4."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 50_000 if i == 0 else int(rng.integers(1, 17))
        beta = float([0.01, 0.1, 0.5, 1.0][i % 4])
        ref_c = -np.abs(rng.normal(-100.0, 30.0, size=n))
        ref_r = -np.abs(rng.normal(-100.0, 30.0, size=n))
        spread = 1e4 / beta if i % 3 == 2 else 20.0
        # Policy log-probs stay <= 0; each side's log-ratio lies in [-spread, min(spread, -ref)].
        pol_c = np.minimum(ref_c + rng.uniform(-1.0, 1.0, size=n) * spread, 0.0)
        pol_r = np.minimum(ref_r + rng.uniform(-1.0, 1.0, size=n) * spread, 0.0)
        cases.append(
            {
                "policy_chosen_logps": pol_c.round(4).tolist(),
                "policy_rejected_logps": pol_r.round(4).tolist(),
                "ref_chosen_logps": ref_c.round(4).tolist(),
                "ref_rejected_logps": ref_r.round(4).tolist(),
                "beta": beta,
            }
        )
    return cases
