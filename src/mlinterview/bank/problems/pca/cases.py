"""Random data with well-separated variances so that every component is well defined."""

import numpy as np


def _well_posed(x: np.ndarray, k: int) -> bool:
    """Reject data whose top k+1 variances nearly coincide or whose sign rule is fragile."""
    centred = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    var = s**2
    top = var[: k + 1]
    if top[k - 1] <= 1e-6 * top[0]:
        return False
    if np.any(np.abs(np.diff(top)) <= 1e-3 * top[0]):
        return False
    for row in np.abs(vt[:k]):
        ordered = np.sort(row)[::-1]
        if ordered.size > 1 and ordered[0] - ordered[1] < 1e-6:
            return False
    return True


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Rotated, shifted data with distinct variances test centring and order; one large matrix."""
    cases: list[dict[str, object]] = []
    i = 0
    while len(cases) < count:
        n = 500 if i == 0 else int(rng.integers(2, 40))
        d = 20 if i == 0 else int(rng.integers(1, 7))
        scales = np.sort(rng.uniform(0.2, 5.0, size=d))[::-1]
        rotation, _ = np.linalg.qr(rng.normal(size=(d, d)))
        shift = rng.normal(0.0, 100.0, size=d) if i % 2 else np.zeros(d)
        x = np.round(rng.normal(size=(n, d)) * scales @ rotation.T + shift, 4)
        k = 5 if i == 0 else int(rng.integers(1, min(n - 1, d) + 1))
        i += 1
        if _well_posed(x, k):
            cases.append({"x": x.tolist(), "k": k})
    return cases
