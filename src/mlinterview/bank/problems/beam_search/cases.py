"""Random bigram tables: normalised log-softmax rows, or quarter-step scores full of ties."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Even cases: log-softmax rows (no ties); odd cases: multiples of -0.25 (exact ties)."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        vocab = int(rng.integers(3, 9))
        start, eos = (int(t) for t in rng.choice(vocab, size=2, replace=False))
        if i % 2 == 0:
            logits = rng.normal(0.0, 1.5, size=(vocab, vocab))
            shifted = logits - logits.max(axis=1, keepdims=True)
            # Rounded: exp/log differ in the last bit between numpy builds, and the frozen
            # arguments must be what every machine generates.
            table = np.round(shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True)), 12)
        else:
            table = -0.25 * rng.integers(0, 13, size=(vocab, vocab))
        cases.append(
            {
                "log_probs": table,
                "start_token": start,
                "eos_token": eos,
                "beam_width": int(rng.integers(1, 5)),
                "max_len": int(rng.integers(1, 7)),
            }
        )
    return cases
