"""Wrong: sizes the test blocks as n // n_splits, forgetting that the first block is only ever
used for training."""


def time_series_split(n: int, n_splits: int, gap: int) -> list[dict[str, list[int]]]:
    test_size = max(n // n_splits, 1)
    folds = []
    for i in range(n_splits):
        start = n - (n_splits - i) * test_size
        start = max(start, 1)
        folds.append(
            {
                "train": list(range(0, max(start - gap, 0))),
                "test": list(range(start, min(start + test_size, n))),
            }
        )
    return folds
