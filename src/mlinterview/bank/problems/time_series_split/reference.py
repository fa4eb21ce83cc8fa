"""Reference: equal test blocks at the end, everything before (minus the gap) is training."""


def time_series_split(n: int, n_splits: int, gap: int) -> list[dict[str, list[int]]]:
    test_size = n // (n_splits + 1)
    # Test blocks are aligned to the end, so leftover samples enlarge the first training set.
    first_start = n - n_splits * test_size
    folds = []
    for start in range(first_start, n, test_size):
        folds.append(
            {
                "train": list(range(0, start - gap)),
                "test": list(range(start, start + test_size)),
            }
        )
    return folds
