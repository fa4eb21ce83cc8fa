"""Random naive Bayes problems: imbalanced classes, arbitrary labels, far test points."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Uneven priors and spreads, labels not 0..k-1, outliers; case 0 has 300 wide features."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            k, d, n, m, spread = 4, 300, 2000, 500, 10.0
        else:
            k, d = int(rng.integers(2, 5)), int(rng.integers(1, 6))
            n, m, spread = int(rng.integers(k + 2, 60)), int(rng.integers(1, 15)), 1.0
        labels = np.sort(rng.choice(np.arange(-5, 50), size=k, replace=False))
        weights = rng.dirichlet(np.full(k, 0.7))
        y = rng.permutation(np.concatenate([labels, rng.choice(labels, size=n - k, p=weights)]))
        means = rng.normal(0.0, 3.0 * spread, size=(k, d))
        stds = spread * rng.uniform(0.3, 2.0, size=(k, d))
        index = np.searchsorted(labels, y)
        X = np.round(means[index] + stds[index] * rng.normal(size=(n, d)), 3)
        pick = rng.integers(0, k, size=m)
        Q = means[pick] + stds[pick] * rng.normal(size=(m, d)) * rng.choice([1.0, 4.0], size=(m, 1))
        case: dict[str, object] = {"X_train": X, "y_train": y, "X_test": np.round(Q, 3)}
        if i % 3 == 2:
            case["var_smoothing"] = float([1e-3, 0.05, 0.5][(i // 3) % 3])
        cases.append(case)
    return cases
