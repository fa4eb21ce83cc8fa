"""Wrong: creates the generator from the seed inside the loop, so every round is identical."""

import numpy as np


def bootstrap_indices(n: int, n_samples: int, seed: int) -> list[dict[str, list[int]]]:
    rounds = []
    for _ in range(n_samples):
        rng = np.random.default_rng(seed)
        sample = rng.integers(0, n, size=n)
        drawn = set(sample.tolist())
        rounds.append({"sample": sample.tolist(), "oob": [i for i in range(n) if i not in drawn]})
    return rounds
