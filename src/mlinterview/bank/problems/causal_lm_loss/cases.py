"""Random padded batches: right or left padding, pad ids inside and outside the vocabulary."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """B up to 8, T up to 128, V up to 64; sequence lengths vary; logits on scales 1-20."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            batch, steps, vocab = 8, 128, 64
        else:
            batch, steps, vocab = (
                int(rng.integers(1, 5)),
                int(rng.integers(2, 9)),
                int(rng.integers(3, 11)),
            )
        pad_id = [0, vocab - 1, -100][i % 3]
        real = np.array([t for t in range(vocab) if t != pad_id])
        tokens = rng.choice(real, size=(batch, steps))
        lengths = rng.integers(1, steps + 1, size=batch)
        lengths[0] = steps  # at least one sequence has a counted target
        for b in range(batch):
            if i % 2 == 0:
                tokens[b, lengths[b] :] = pad_id
            else:
                tokens[b, : steps - lengths[b]] = pad_id
        logits = rng.normal(0.0, [1.0, 5.0, 20.0][i % 3], size=(batch, steps, vocab))
        cases.append({"logits": np.round(logits, 3), "tokens": tokens, "pad_id": pad_id})
    return cases
