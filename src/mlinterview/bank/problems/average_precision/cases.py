"""Random scored labels: coarse scores with many ties, rare positives, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Positive rates 1%..50%, scores on coarse grids; case 0: 100 000 mostly distinct scores."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(1, 50))
        rate = [0.05, 0.3, 0.5, 0.01][i % 4]
        y = (rng.random(n) < rate).astype(int)
        scores = rng.normal(size=n) + [0.5, 1.5, 0.0][i % 3] * y
        levels = 1e6 if i == 0 else [10.0, 2.0, 1000.0][i % 3]  # 2.0: very coarse, many ties
        cases.append(
            {"y_true": y.tolist(), "scores": (np.round(scores * levels) / levels).tolist()}
        )
    return cases
