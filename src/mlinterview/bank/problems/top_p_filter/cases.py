"""Random next-token distributions, many with ties, and one vocabulary of 50 000 tokens."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Ties from integer counts make the stable order matter; p sometimes equals a prefix sum."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            counts = rng.zipf(1.3, size=50_000).clip(max=1_000).astype(float)
            probs = counts / counts.sum()
            p = 0.9
        else:
            n = int(rng.integers(1, 16))
            if i % 3 == 0:
                probs = rng.dirichlet(np.full(n, 0.5))
            else:
                counts = rng.integers(0, 5, size=n).astype(float)
                counts[int(rng.integers(0, n))] += 1.0  # at least one token has mass
                probs = counts / counts.sum()
            if i % 4 == 2:  # p exactly on a cumulative sum of the sorted order
                prefix = np.cumsum(np.sort(probs)[::-1])
                p = float(prefix[int(rng.integers(0, n))])
            else:
                p = float(rng.choice([rng.uniform(0.05, 0.99), 1.0], p=[0.85, 0.15]))
            p = min(max(p, 1e-6), 1.0)
        cases.append({"probs": probs.tolist(), "p": p})
    return cases
