"""Wrong: runs the SVD on the raw data, so the first axis points at the mean, not the spread."""

import numpy as np


def _fix_sign(row: np.ndarray) -> np.ndarray:
    magnitude = np.abs(row)
    lead = int(np.flatnonzero(magnitude >= magnitude.max() - 1e-9)[0])
    return -row if row[lead] < 0 else row


def pca(x: np.ndarray, k: int) -> dict:
    """Forgets to subtract the column means."""
    x = np.asarray(x, dtype=float)
    _, singular, vt = np.linalg.svd(x, full_matrices=False)
    components = np.array([_fix_sign(row) for row in vt[:k]])
    return {"components": components, "explained_variance": singular[:k] ** 2 / (x.shape[0] - 1)}
