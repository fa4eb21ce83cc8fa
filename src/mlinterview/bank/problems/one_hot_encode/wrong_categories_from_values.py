"""Wrong: builds the columns from the distinct values seen instead of the given categories."""

import numpy as np


def one_hot_encode(values: list[str], categories: list[str]) -> np.ndarray:
    """np.unique(values): missing categories lose their column, unknown values gain one."""
    seen = sorted(set(values))
    column = {value: j for j, value in enumerate(seen)}
    out = np.zeros((len(values), len(seen)))
    for i, value in enumerate(values):
        out[i, column[value]] = 1.0
    return out
