"""Reference PCA: SVD of the centred data, sample variance, deterministic signs."""

import numpy as np


def _fix_sign(row: np.ndarray) -> np.ndarray:
    """Singular vectors are defined up to sign; make the largest-|entry| positive."""
    magnitude = np.abs(row)
    lead = int(np.flatnonzero(magnitude >= magnitude.max() - 1e-9)[0])
    return -row if row[lead] < 0 else row


def pca(x: np.ndarray, k: int) -> dict:
    """The right singular vectors of the centred matrix are the eigenvectors of its covariance."""
    x = np.asarray(x, dtype=float)
    centred = x - x.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    components = np.array([_fix_sign(row) for row in vt[:k]])
    variance = singular[:k] ** 2 / (x.shape[0] - 1)
    return {"components": components, "explained_variance": variance}
