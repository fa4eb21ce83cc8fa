"""Random logits and targets: hard and soft labels, scales up to 1e4, random pos_weight."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """1-D and 2-D inputs with logits up to ±1e4; case 0 is a (1000, 50) multi-label batch."""
    cases: list[dict[str, object]] = [
        {
            "logits": rng.normal(0.0, 4.0, size=(1000, 50)),
            "targets": (rng.random(size=(1000, 50)) < 0.1).astype(float),
            "pos_weight": 9.0,
        }
    ]
    while len(cases) < count:
        shape = (int(rng.integers(1, 9)),) if rng.random() < 0.6 else (2, int(rng.integers(1, 5)))
        scale = float(rng.choice([0.5, 3.0, 40.0, 1e3, 1e4]))
        soft = rng.random() < 0.3
        targets = (
            np.round(rng.random(size=shape), 2) if soft else rng.integers(0, 2, size=shape) * 1.0
        )
        case: dict[str, object] = {
            "logits": np.round(rng.normal(0.0, scale, size=shape), 3),
            "targets": targets,
        }
        if rng.random() < 0.7:
            case["pos_weight"] = float(rng.choice([0.5, 1.0, 2.0, 5.0]))
        cases.append(case)
    return cases
