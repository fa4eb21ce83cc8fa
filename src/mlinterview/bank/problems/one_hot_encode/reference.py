"""Reference one-hot encoding with a fixed category order and ignored unknown values."""

import numpy as np


def one_hot_encode(values: list[str], categories: list[str]) -> np.ndarray:
    """Row i has a 1.0 in the column of values[i]; an unknown value gives a zero row."""
    column = {category: j for j, category in enumerate(categories)}
    out = np.zeros((len(values), len(categories)))
    for i, value in enumerate(values):
        j = column.get(value)
        if j is not None:
            out[i, j] = 1.0
    return out
