"""Wrong: computes mean and standard deviation on train and test together (test-set leakage)."""

import numpy as np


def standardize(X_train: np.ndarray, X_test: np.ndarray) -> dict[str, np.ndarray]:
    train = np.asarray(X_train, dtype=float)
    test = np.asarray(X_test, dtype=float).reshape(-1, train.shape[1])
    both = np.vstack([train, test])
    mean = both.mean(axis=0)
    scale = both.std(axis=0)
    scale[both.max(axis=0) == both.min(axis=0)] = 1.0
    return {"train": (train - mean) / scale, "test": (test - mean) / scale}
