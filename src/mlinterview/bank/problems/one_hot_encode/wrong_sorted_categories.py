"""Wrong: orders the columns alphabetically instead of in the given category order."""

import numpy as np


def one_hot_encode(values: list[str], categories: list[str]) -> np.ndarray:
    """sorted(categories), as an encoder with categories='auto' would; columns are permuted."""
    column = {category: j for j, category in enumerate(sorted(categories))}
    out = np.zeros((len(values), len(categories)))
    for i, value in enumerate(values):
        if value in column:
            out[i, column[value]] = 1.0
    return out
