"""Wrong: lays the blocks out from the front, so the leftover samples are never tested or end up
in no fold at all."""


def time_series_split(n: int, n_splits: int, gap: int) -> list[dict[str, list[int]]]:
    test_size = n // (n_splits + 1)
    folds = []
    for i in range(1, n_splits + 1):
        start = i * test_size
        folds.append(
            {
                "train": list(range(0, max(start - gap, 0))),
                "test": list(range(start, start + test_size)),
            }
        )
    return folds
