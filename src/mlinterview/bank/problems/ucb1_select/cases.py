"""Random bandit states: untried arms, tied statistics, several c and t; one 20 000-arm state."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Counts from 1 to 300, means on several scales, t past the total; case 0 has 20 000 arms."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        k = 20_000 if i == 0 else int(rng.integers(2, 7))
        counts = np.round(np.exp(rng.uniform(0.0, np.log(300.0), size=k))).astype(int)
        if i % 4 == 3:
            counts[rng.random(k) < 0.3] = 0
        scale = [1.0, 3.0, 0.3][i % 3]
        values = np.round(scale * rng.random(k), 2)
        if i % 4 == 1:
            counts[-1], values[-1] = counts[0], values[0]  # an exact tie with arm 0
        t = int(counts.sum()) + [0, 5, 500, 5000][int(rng.integers(0, 4))]
        c = [2.0, 0.5, 1.0, 4.0, 0.1][i % 5]
        cases.append({"counts": counts, "values": values, "t": max(t, 1), "c": c})
    return cases
