"""Wrong: computes the category statistics on all rows, so each row sees its own target."""

import numpy as np


def kfold_target_encoding(
    categories: list, y: np.ndarray, n_folds: int, smoothing: float
) -> np.ndarray:
    """Each row is encoded from the other folds only: (sum + m * prior) / (count + m)."""
    y = np.asarray(y, dtype=float).ravel()
    n = y.size
    _, codes = np.unique(np.asarray(categories, dtype=str), return_inverse=True)
    codes = codes.ravel()
    n_codes = int(codes.max()) + 1 if n else 0
    out = np.empty(n)
    for k in range(n_folds):
        lo, hi = k * n // n_folds, (k + 1) * n // n_folds
        train = np.ones(n, dtype=bool)  # every row, the held-out fold included
        prior = y[train].mean()
        sums = np.bincount(codes[train], weights=y[train], minlength=n_codes)
        counts = np.bincount(codes[train], minlength=n_codes).astype(float)
        held = codes[lo:hi]
        s, c = sums[held], counts[held]
        denominator = c + smoothing
        with np.errstate(invalid="ignore", divide="ignore"):
            encoded = (s + smoothing * prior) / denominator
        out[lo:hi] = np.where(c > 0, encoded, prior)  # unseen in training: the prior
    return out
