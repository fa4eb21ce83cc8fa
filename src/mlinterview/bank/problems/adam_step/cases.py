"""Random Adam steps from states reached by earlier steps, with random hyperparameters."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Realistic states at steps 1 to 3000 and gradients from 1e-6 to 10; one case of 60 000."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        shape: tuple[int, ...]
        if i == 0:
            shape = (300, 200)
        elif i % 3 == 0:
            shape = (int(rng.integers(1, 4)), int(rng.integers(1, 5)))
        else:
            shape = (int(rng.integers(1, 7)),)
        defaults = i % 4 == 1
        lr = 0.001 if defaults else float(rng.choice([1e-4, 3e-4, 1e-3, 1e-2, 0.1]))
        beta1 = 0.9 if defaults else float(rng.choice([0.0, 0.5, 0.8, 0.9, 0.95]))
        beta2 = 0.999 if defaults else float(rng.choice([0.9, 0.98, 0.99, 0.999, 0.9999]))
        eps = 1e-8 if defaults else float(rng.choice([1e-12, 1e-8, 1e-6, 1e-3]))
        t = int(rng.choice([1, 2, 3, 5, 10, 50, 200, 3000]))
        scale = 10.0 ** rng.uniform(-6.0, 1.0)
        m = np.zeros(shape)
        v = np.zeros(shape)
        for _ in range(min(t - 1, 20)):  # a short history stands in for the earlier steps
            g = rng.normal(0.0, scale, size=shape)
            m = beta1 * m + (1.0 - beta1) * g
            v = beta2 * v + (1.0 - beta2) * g * g
        cases.append(
            {
                "param": rng.normal(0.0, 1.0, size=shape),
                "grad": rng.normal(0.0, scale, size=shape),
                "m": m,
                "v": v,
                "t": t,
                "lr": lr,
                "beta1": beta1,
                "beta2": beta2,
                "eps": eps,
            }
        )
    return cases
