"""Wrong: skips the gap at the start of the test block instead of at the end of training."""


def time_series_split(n: int, n_splits: int, gap: int) -> list[dict[str, list[int]]]:
    test_size = n // (n_splits + 1)
    first_start = n - n_splits * test_size
    folds = []
    for start in range(first_start, n, test_size):
        folds.append(
            {
                "train": list(range(0, start)),
                "test": list(range(start + gap, start + test_size)),
            }
        )
    return folds
