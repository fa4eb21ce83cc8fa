"""Wrong: adds an extra last column for unknown values instead of leaving their row all zero."""

import numpy as np


def one_hot_encode(values: list[str], categories: list[str]) -> np.ndarray:
    """k + 1 columns: an 'other' bucket, which the statement does not ask for."""
    column = {category: j for j, category in enumerate(categories)}
    out = np.zeros((len(values), len(categories) + 1))
    for i, value in enumerate(values):
        out[i, column.get(value, len(categories))] = 1.0
    return out
