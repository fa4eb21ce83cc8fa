"""Random AdamW steps: shapes up to (3, 4), consistent optimizer states, steps 1 to 2000."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """State from a made-up gradient history (v >= 0); lr, betas, eps and weight decay vary."""
    cases: list[dict[str, object]] = []
    while len(cases) < count:
        shape = [(int(rng.integers(1, 6)),), (int(rng.integers(1, 4)), int(rng.integers(1, 5)))][
            len(cases) % 2
        ]
        step = int(rng.choice([1, 2, 5, 30, 2000]))
        scale = float(rng.choice([1e-3, 0.1, 2.0]))
        if step == 1:
            exp_avg = np.zeros(shape)
            exp_avg_sq = np.zeros(shape)
        else:
            exp_avg = np.round(rng.normal(0.0, scale, size=shape), 6)
            exp_avg_sq = np.round(rng.uniform(0.1, 2.0, size=shape) * scale**2, 10)
        case: dict[str, object] = {
            "param": np.round(rng.normal(size=shape), 4),
            "grad": np.round(rng.normal(0.0, scale, size=shape), 6),
            "exp_avg": exp_avg,
            "exp_avg_sq": exp_avg_sq,
            "step": step,
        }
        if len(cases) % 3 != 2:
            case["lr"] = float(rng.choice([1e-3, 0.01, 0.1]))
            case["betas"] = [float(rng.choice([0.8, 0.9])), float(rng.choice([0.99, 0.999]))]
            case["eps"] = float(rng.choice([1e-8, 1e-6]))
            case["weight_decay"] = float(rng.choice([0.0, 0.01, 0.1, 0.5]))
        cases.append(case)
    return cases
