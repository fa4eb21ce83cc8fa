"""Wrong: draws a permutation (sampling without replacement), so nothing is ever out of bag."""

import numpy as np


def bootstrap_indices(n: int, n_samples: int, seed: int) -> list[dict[str, list[int]]]:
    rng = np.random.default_rng(seed)
    return [{"sample": rng.permutation(n).tolist(), "oob": []} for _ in range(n_samples)]
