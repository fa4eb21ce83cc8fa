"""Random classification batches with logits up to ±1e4, plus one larger batch."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Logit scales from 1 to thousands with offsets, |logit| <= 1e4; one (1000, 32) batch."""
    cases: list[dict[str, object]] = [
        {
            "logits": rng.normal(0.0, 4.0, size=(1000, 32)),
            "targets": rng.integers(0, 32, size=1000),
        }
    ]
    for i in range(1, count):
        n, c = int(rng.integers(1, 9)), int(rng.integers(1, 7))
        scale = [1.0, 10.0, 300.0, 3000.0][i % 4]
        offset = [0.0, 5000.0, -5000.0][(i // 4) % 3]
        z: np.ndarray = offset + scale * rng.normal(size=(n, c))
        z = np.round(np.clip(z, -1e4, 1e4), 3)
        cases.append({"logits": z, "targets": rng.integers(0, c, size=n)})
    return cases[:count]
