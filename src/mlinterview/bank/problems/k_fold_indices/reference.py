"""Reference: contiguous chunks of the (optionally permuted) index order, remainder up front."""

import numpy as np


def k_fold_indices(n: int, k: int, shuffle: bool, seed: int) -> list[dict[str, list[int]]]:
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    # The first n % k folds take one extra sample, exactly like np.array_split.
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    folds = []
    start = 0
    for size in sizes:
        test = np.sort(order[start : start + size])
        mask = np.ones(n, dtype=bool)
        mask[test] = False
        folds.append({"train": np.flatnonzero(mask).tolist(), "test": test.tolist()})
        start += size
    return folds
