"""Wrong: looks values up with list.index, which raises on a value outside the categories."""

import numpy as np


def one_hot_encode(values: list[str], categories: list[str]) -> np.ndarray:
    """Right for known values; an unknown one raises ValueError instead of a zero row."""
    out = np.zeros((len(values), len(categories)))
    for i, value in enumerate(values):
        out[i, categories.index(value)] = 1.0
    return out
