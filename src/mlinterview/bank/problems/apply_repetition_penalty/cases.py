"""Random logits of both signs with token histories full of repeats; one 50 000-token vocabulary."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Repeated ids and logits on both sides of zero; case 0 has V = 50 000 and 4000 past tokens."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        vocab = 50_000 if i == 0 else int(rng.integers(1, 12))
        history = 4000 if i == 0 else int(rng.integers(0, 10))
        logits = np.round(rng.normal(0.0, [1.0, 5.0, 30.0][i % 3], size=vocab), 4)
        previous = rng.integers(0, max(1, vocab // 3 if i % 2 else vocab), size=history)
        penalty = [1.2, 1.5, 2.0, 0.8, 1.0][i % 5]
        cases.append({"logits": logits, "previous_tokens": previous.tolist(), "penalty": penalty})
    return cases
