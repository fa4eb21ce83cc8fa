"""Random sizes, including long sequences where float32 arithmetic is visibly off."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Case 1 is 2048 positions x 16; the others 1-40 positions, even widths 2-32."""
    cases: list[dict[str, object]] = [{"n_positions": 2048, "d_model": 16}]
    for _ in range(1, count):
        n = int(rng.integers(1, 41))
        cases.append({"n_positions": n, "d_model": 2 * int(rng.integers(1, 17))})
    return cases[:count]
