"""Random weighted samples and weak-learner predictions of varying quality."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Unnormalised weights, error rates from zero to worse than chance; 5,000 samples for speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 5_000 if i == 0 else int(rng.integers(1, 30))
        weights = np.round(rng.uniform(0.01, 3.0, size=n), 4)
        y_true = rng.choice([-1, 1], size=n)
        flip = rng.random(n) < float(rng.choice([0.0, 0.1, 0.3, 0.6]))
        y_pred = np.where(flip, -y_true, y_true)
        cases.append(
            {"weights": weights.tolist(), "y_true": y_true.tolist(), "y_pred": y_pred.tolist()}
        )
    return cases
