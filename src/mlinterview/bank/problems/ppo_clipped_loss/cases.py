"""Random PPO batches: 1-D and (batch, tokens) shapes, ratios in and out of the clip range."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Log-ratio std 0.05-0.6, log-probs <= 0, advantages of both signs, clip_eps 0.1-0.3."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        shape: tuple[int, ...] = (64, 128) if i == 0 else [(5,), (3, 4), (12,)][i % 3]
        old = np.log(rng.uniform(0.01, 1.0, size=shape))
        new = np.minimum(old + rng.normal(0.0, [0.05, 0.3, 0.6][i % 3], size=shape), 0.0)
        cases.append(
            {
                "new_logp": np.round(new, 4),
                "old_logp": np.round(old, 4),
                "advantages": np.round(rng.normal(0.0, 1.5, size=shape), 3),
                "clip_eps": [0.1, 0.2, 0.3][(i // 3) % 3],
            }
        )
    return cases
