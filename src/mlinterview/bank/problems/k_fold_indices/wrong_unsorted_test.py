"""Wrong: returns each test fold in shuffled order instead of sorted ascending."""

import numpy as np


def k_fold_indices(n: int, k: int, shuffle: bool, seed: int) -> list[dict[str, list[int]]]:
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    folds = []
    for chunk in np.array_split(order, k):
        taken = {int(t) for t in chunk}
        train = [j for j in range(n) if j not in taken]
        folds.append({"train": train, "test": [int(t) for t in chunk]})
    return folds
