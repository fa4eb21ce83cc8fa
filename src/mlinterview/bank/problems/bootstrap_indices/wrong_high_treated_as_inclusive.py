"""Wrong: passes n - 1 as the upper bound, believing it inclusive, so index n - 1 is never drawn."""

import numpy as np


def bootstrap_indices(n: int, n_samples: int, seed: int) -> list[dict[str, list[int]]]:
    rng = np.random.default_rng(seed)
    rounds = []
    for _ in range(n_samples):
        sample = rng.integers(0, max(n - 1, 1), size=n)
        drawn = set(sample.tolist())
        rounds.append({"sample": sample.tolist(), "oob": [i for i in range(n) if i not in drawn]})
    return rounds
