"""Wrong: divides the squared singular values by n instead of n - 1."""

import numpy as np


def _fix_sign(row: np.ndarray) -> np.ndarray:
    magnitude = np.abs(row)
    lead = int(np.flatnonzero(magnitude >= magnitude.max() - 1e-9)[0])
    return -row if row[lead] < 0 else row


def pca(x: np.ndarray, k: int) -> dict:
    """Right axes, but the explained variance is the biased (population) estimate."""
    x = np.asarray(x, dtype=float)
    centred = x - x.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    components = np.array([_fix_sign(row) for row in vt[:k]])
    return {"components": components, "explained_variance": singular[:k] ** 2 / x.shape[0]}
