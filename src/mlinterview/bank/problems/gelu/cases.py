"""Random activations: 0-d to 3-D arrays, scales from 0.1 to 1e4, both formulas."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Mixed shapes and scales, both approximate values; case 0 is a (64, 32, 48) tensor."""
    cases: list[dict[str, object]] = [
        {"x": rng.normal(0.0, 2.0, size=(64, 32, 48)), "approximate": "none"},
    ]
    shapes: list[tuple[int, ...]] = [(), (5,), (2, 3), (2, 2, 2), (7,), (1, 4)]
    i = 0
    while len(cases) < count:
        shape = shapes[i % len(shapes)]
        scale = float(rng.choice([0.1, 1.0, 3.0, 10.0, 1e4]))
        case: dict[str, object] = {"x": np.round(rng.normal(0.0, scale, size=shape), 4)}
        if i % 5 != 4:  # every fifth case leaves approximate at its default
            case["approximate"] = ["none", "tanh"][i % 2]
        cases.append(case)
        i += 1
    return cases
