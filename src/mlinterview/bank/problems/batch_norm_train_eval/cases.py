"""Random BatchNorm1d runs: (N, C) and (N, C, L) inputs, eval batches from another distribution."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Case 0 is a (64, 16, 8) batch; others have n = N*L from 2 to 24 and varied momentum/eps."""
    cases: list[dict[str, object]] = [
        {
            "x_train": np.round(rng.normal(2.0, 3.0, size=(64, 16, 8)), 4),
            "x_eval": np.round(rng.normal(0.0, 1.0, size=(32, 16, 8)), 4),
            "gamma": np.round(rng.normal(1.0, 0.3, size=16), 3),
            "beta": np.round(rng.normal(0.0, 0.3, size=16), 3),
        }
    ]
    while len(cases) < count:
        c = int(rng.integers(1, 5))
        three_d = len(cases) % 2 == 0
        n, m = int(rng.integers(2, 7)), int(rng.integers(1, 4))
        length = (int(rng.integers(1, 5)),) if three_d else ()
        train_shape = (n, c, *length)
        eval_shape = (m, c, *length)
        case: dict[str, object] = {
            "x_train": np.round(
                rng.normal(
                    rng.normal(0.0, 3.0, size=(c, *([1] * len(length)))), 2.0, size=train_shape
                ),
                3,
            ),
            "x_eval": np.round(rng.normal(0.0, 2.0, size=eval_shape), 3),
            "gamma": np.round(rng.normal(1.0, 0.5, size=c), 3),
            "beta": np.round(rng.normal(0.0, 0.5, size=c), 3),
        }
        if len(cases) % 3 != 0:
            case["momentum"] = float(rng.choice([0.05, 0.3, 0.9]))
            case["eps"] = float(rng.choice([1e-5, 1e-3, 0.1]))
        cases.append(case)
    return cases
