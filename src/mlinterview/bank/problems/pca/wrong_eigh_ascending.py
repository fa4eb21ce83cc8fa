"""Wrong: takes the first k eigenvectors from np.linalg.eigh, which sorts eigenvalues ascending."""

import numpy as np


def _fix_sign(row: np.ndarray) -> np.ndarray:
    magnitude = np.abs(row)
    lead = int(np.flatnonzero(magnitude >= magnitude.max() - 1e-9)[0])
    return -row if row[lead] < 0 else row


def pca(x: np.ndarray, k: int) -> dict:
    """Covariance route is fine, but it returns the directions of *least* variance."""
    x = np.asarray(x, dtype=float)
    cov = np.cov(x, rowvar=False).reshape(x.shape[1], x.shape[1])
    values, vectors = np.linalg.eigh(cov)
    components = np.array([_fix_sign(vectors[:, i]) for i in range(k)])
    return {"components": components, "explained_variance": values[:k]}
