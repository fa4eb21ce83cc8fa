"""Wrong: gives every fold n // k samples and dumps the remainder into the last fold."""

import numpy as np


def k_fold_indices(n: int, k: int, shuffle: bool, seed: int) -> list[dict[str, list[int]]]:
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    size = n // k
    folds = []
    for i in range(k):
        stop = n if i == k - 1 else (i + 1) * size
        test = sorted(int(t) for t in order[i * size : stop])
        taken = set(test)
        folds.append({"train": [j for j in range(n) if j not in taken], "test": test})
    return folds
