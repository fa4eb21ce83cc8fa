"""Random SGD steps from buffers built by earlier steps, with random hyperparameters."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Momentum 0-0.99, weight decay on and off, both nesterov values; case 0 has 60 000 entries."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        shape: tuple[int, ...]
        if i == 0:
            shape = (300, 200)
        elif i % 3 == 0:
            shape = (int(rng.integers(1, 4)), int(rng.integers(1, 5)))
        else:
            shape = (int(rng.integers(1, 7)),)
        momentum = float(rng.choice([0.0, 0.5, 0.9, 0.99]))
        nesterov = bool(i % 2) and momentum > 0.0
        weight_decay = float(rng.choice([0.0, 1e-4, 5e-4, 0.01, 0.1]))
        lr = float(rng.choice([1e-3, 0.01, 0.1, 0.5]))
        scale = 10.0 ** rng.uniform(-3.0, 1.0)
        velocity = np.zeros(shape)
        for _ in range(int(rng.integers(0, 6))):  # a short history of earlier gradients
            velocity = momentum * velocity + rng.normal(0.0, scale, size=shape)
        case: dict[str, object] = {
            "param": rng.normal(0.0, 1.0, size=shape),
            "grad": rng.normal(0.0, scale, size=shape),
            "velocity": velocity,
            "lr": lr,
            "momentum": momentum,
        }
        if i % 5 != 4:  # every fifth case leaves weight_decay and nesterov at their defaults
            case["weight_decay"] = weight_decay
            case["nesterov"] = nesterov
        cases.append(case)
    return cases
