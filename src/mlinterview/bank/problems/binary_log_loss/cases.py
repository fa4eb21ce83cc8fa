"""Random predictions: calibrated and over-confident models, some exact 0/1, several eps."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Over-confident models round some probabilities to 0 or 1; case 0 has 100 000 samples."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(1, 40))
        logit = rng.normal(0.0, [1.0, 4.0, 12.0][i % 3], size=n)
        p = 1.0 / (1.0 + np.exp(-logit))
        y = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit / 2.0))).astype(int)
        case: dict[str, object] = {"y_true": y.tolist(), "p": np.round(p, 6).tolist()}
        if i % 4 == 1:
            case["eps"] = [1e-7, 1e-3, 0.05][(i // 4) % 3]
        cases.append(case)
    return cases
