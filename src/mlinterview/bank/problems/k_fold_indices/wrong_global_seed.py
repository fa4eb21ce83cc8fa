"""Wrong: seeds numpy's legacy global generator instead of using np.random.default_rng(seed)."""

import numpy as np


def k_fold_indices(n: int, k: int, shuffle: bool, seed: int) -> list[dict[str, list[int]]]:
    order = np.arange(n)
    if shuffle:
        np.random.seed(seed)
        order = np.random.permutation(n)
    folds = []
    for chunk in np.array_split(order, k):
        test = sorted(int(t) for t in chunk)
        taken = set(test)
        folds.append({"train": [j for j in range(n) if j not in taken], "test": test})
    return folds
