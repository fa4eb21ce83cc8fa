"""Random log-probabilities: short and long sequences, confident and uncertain models."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Mixed lengths and spreads; case 0 has 200 000 tokens, where a product of p is 0."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 200_000 if i == 0 else int(rng.integers(1, 30))
        scale = [0.1, 1.0, 3.0, 20.0][i % 4]
        logprobs = -rng.exponential(scale, size=n)
        cases.append({"token_logprobs": np.round(logprobs, 6)})
    return cases
