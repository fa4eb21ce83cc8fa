"""Random inputs on a grid of quarters, so exact halves (ties) are frequent; one larger tensor."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Shapes (n,), (a, b) or (a, b, c); values k / 4 up to +-40; case 0 is 8x32x32."""
    cases: list[dict[str, object]] = [
        {
            "x": rng.integers(-400, 401, size=(8, 32, 32)) / 4.0,
            "grad_out": np.round(rng.normal(size=(8, 32, 32)), 4),
        }
    ]
    while len(cases) < count:
        shape = [(int(rng.integers(1, 9)),), (2, 3), (2, 2, 3)][len(cases) % 3]
        cases.append(
            {
                "x": rng.integers(-160, 161, size=shape) / 4.0,
                "grad_out": np.round(rng.normal(size=shape), 3),
            }
        )
    return cases
