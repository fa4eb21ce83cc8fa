"""Random per-channel quantised matrices, including one 64 x 128 weight matrix."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Full int8 range, zero points anywhere or all zero: wrap-around and order mistakes show."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        rows = 64 if i == 0 else int(rng.integers(1, 8))
        cols = 128 if i == 0 else int(rng.integers(1, 10))
        q = rng.integers(-128, 128, size=(rows, cols))
        scale = np.round(rng.uniform(1e-4, 0.1, size=rows), 6)
        zero_point = rng.integers(-128, 128, size=rows) if i % 2 else np.zeros(rows, dtype=int)
        cases.append({"q": q.tolist(), "scale": scale.tolist(), "zero_point": zero_point.tolist()})
    return cases
