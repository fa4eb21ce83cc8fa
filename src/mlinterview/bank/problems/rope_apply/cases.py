"""Random RoPE inputs: 0-2 leading axes, widths 2-16, offset or shuffled positions, bases."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Positions start anywhere up to 5000 (a KV cache offset); case 0 is (2, 4, 64, 32)."""
    cases: list[dict[str, object]] = [
        {
            "x": np.round(rng.normal(size=(2, 4, 64, 32)), 4),
            "positions": np.arange(64) + 1000,
        }
    ]
    for i in range(1, count):
        lead: tuple[int, ...] = [(), (2,), (2, 3)][i % 3]
        tokens = int(rng.integers(1, 6))
        d = 2 * int(rng.integers(1, 9))
        start = int(rng.integers(0, 5000))
        positions = start + np.arange(tokens)
        if i % 2:
            positions = rng.permutation(positions)
        case: dict[str, object] = {
            "x": np.round(rng.normal(size=(*lead, tokens, d)), 3),
            "positions": positions,
        }
        if i % 4 == 3:
            case["base"] = [500000.0, 10.0][(i // 4) % 2]
        cases.append(case)
    return cases
