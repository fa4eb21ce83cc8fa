"""Reference: statistics from the training rows only, applied unchanged to the test rows."""

import numpy as np


def standardize(X_train: np.ndarray, X_test: np.ndarray) -> dict[str, np.ndarray]:
    train = np.asarray(X_train, dtype=float)
    test = np.asarray(X_test, dtype=float).reshape(-1, train.shape[1])
    mean = train.mean(axis=0)
    # Two-pass population standard deviation: numerically safe even for large offsets.
    scale = np.sqrt(((train - mean) ** 2).mean(axis=0))
    # Constant is decided on the values, not on the computed std: the std of
    # [0.1, 0.1, 0.1] comes out as 1.4e-17, not 0. Such a column is centred on its exact
    # value, so its training values become exactly 0.
    constant = np.ptp(train, axis=0) == 0
    mean[constant] = train[0, constant]
    scale[constant] = 1.0
    return {"train": (train - mean) / scale, "test": (test - mean) / scale}
