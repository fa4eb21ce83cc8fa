"""Random validation sets with coarse (often tied) scores, plus one of 100 000 samples."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Rounded scores form tie groups, some sets have rare positives; 100,000 samples test speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(1, 40))
        rate = float(rng.choice([0.05, 0.3, 0.5]))
        y = (rng.random(n) < rate).astype(int)
        decimals = 6 if i == 0 else int(rng.integers(0, 3))
        scores = np.round(rng.uniform(0.0, 1.0, size=n) * 0.6 + 0.4 * y, decimals)
        cases.append({"y_true": y.tolist(), "scores": scores.tolist()})
    return cases
