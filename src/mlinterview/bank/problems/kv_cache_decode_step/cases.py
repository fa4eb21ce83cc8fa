"""Random decoding steps: batch 1-2, 1-3 heads, widths 1-6, caches of 0-6 tokens."""

import numpy as np


def _draw(
    rng: np.random.Generator, shape: tuple[int, int, int, int], scale: float
) -> np.ndarray | list[list[list[float]]]:
    if shape[2] == 0:  # plain lists cannot carry a trailing axis after an empty one
        return [[[] for _ in range(shape[1])] for _ in range(shape[0])]
    return np.round(rng.normal(0.0, scale, size=shape), 3)


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Every third cache is empty (the first step after an empty prompt); values rounded."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        b, h, d = int(rng.integers(1, 3)), int(rng.integers(1, 4)), int(rng.integers(1, 7))
        t = 0 if i % 3 == 0 else int(rng.integers(1, 7))
        scale = [1.0, 3.0][i % 2]
        cases.append(
            {
                "q": _draw(rng, (b, h, 1, d), scale),
                "k_new": _draw(rng, (b, h, 1, d), scale),
                "v_new": _draw(rng, (b, h, 1, d), scale),
                "k_cache": _draw(rng, (b, h, t, d), scale),
                "v_cache": _draw(rng, (b, h, t, d), scale),
            }
        )
    return cases
