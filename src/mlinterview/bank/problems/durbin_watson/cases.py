"""Random residual series: white noise, AR(1) with positive and negative correlation."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """AR(1) residuals with positive, zero and negative correlation; 20,000 values test speed."""
    cases: list[dict[str, object]] = []
    rhos = [0.0, 0.8, -0.8, 0.5, 0.95]
    for i in range(count):
        n = 20_000 if i == 0 else int(rng.integers(2, 60))
        noise = rng.normal(0.0, 1.0, size=n)
        e = np.empty(n)
        e[0] = noise[0]
        rho = rhos[i % len(rhos)]
        for t in range(1, n):
            e[t] = rho * e[t - 1] + noise[t]
        cases.append({"residuals": np.round(e, 6).tolist()})
    return cases
