"""Wrong: divides by the sample standard deviation (ddof=1) instead of the population one."""

import numpy as np


def standardize(X_train: np.ndarray, X_test: np.ndarray) -> dict[str, np.ndarray]:
    train = np.asarray(X_train, dtype=float)
    test = np.asarray(X_test, dtype=float).reshape(-1, train.shape[1])
    mean = train.mean(axis=0)
    scale = train.std(axis=0, ddof=1) if len(train) > 1 else np.ones(train.shape[1])
    scale[train.max(axis=0) == train.min(axis=0)] = 1.0
    return {"train": (train - mean) / scale, "test": (test - mean) / scale}
