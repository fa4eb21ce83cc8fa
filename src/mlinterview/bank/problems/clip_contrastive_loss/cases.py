"""Random image/text batches: matched pairs share a direction, plus noise and varied norms."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """N up to 128 and D up to 64, row norms 0.1-50, noise 0.2-2, scale 1-100."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n, d = (128, 64) if i == 0 else (int(rng.integers(1, 7)), int(rng.integers(2, 6)))
        shared = rng.normal(size=(n, d))
        noise = [0.2, 0.7, 2.0][i % 3]
        image = shared + rng.normal(0.0, noise, size=(n, d))
        image *= rng.choice([0.1, 1.0, 50.0], (n, 1))
        text = shared + rng.normal(0.0, noise, size=(n, d))
        text *= rng.choice([0.1, 1.0, 50.0], (n, 1))
        cases.append(
            {
                "image_emb": np.round(image, 4),
                "text_emb": np.round(text, 4),
                "logit_scale": [14.3, 100.0, 1.0, 50.0][i % 4],
            }
        )
    return cases
