"""Reference: n draws with replacement per round; out-of-bag = indices never drawn."""

import numpy as np


def bootstrap_indices(n: int, n_samples: int, seed: int) -> list[dict[str, list[int]]]:
    rng = np.random.default_rng(seed)
    rounds = []
    for _ in range(n_samples):
        sample = rng.integers(0, n, size=n)
        in_bag = np.zeros(n, dtype=bool)
        in_bag[sample] = True
        rounds.append({"sample": sample.tolist(), "oob": np.flatnonzero(~in_bag).tolist()})
    return rounds
