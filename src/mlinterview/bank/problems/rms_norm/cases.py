"""Random RMSNorm inputs: mixed ranks and widths, rows with large means; one larger batch."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Shapes up to (4, 16, 64), rows offset by up to 50 and eps from 1e-6 to 0.1."""
    cases: list[dict[str, object]] = [
        {
            "x": np.round(rng.normal(0.0, 2.0, size=(4, 16, 64)) + 3.0, 4),
            "weight": np.round(rng.normal(1.0, 0.2, size=64), 3),
        }
    ]
    for i in range(1, count):
        shape: tuple[int, ...] = [(), (3,), (2, 3)][i % 3]
        d = int(rng.integers(1, 9))
        offset = [0.0, 5.0, -50.0][(i // 3) % 3]
        x = offset + rng.normal(size=(*shape, d))
        cases.append(
            {
                "x": np.round(x, 4),
                "weight": np.round(rng.normal(1.0, 0.5, size=d), 3),
                "eps": [1e-6, 1e-3, 0.1][i % 3],
            }
        )
    return cases[:count]
