"""Random token sequences over small vocabularies, with repeats and reorderings; one long pair."""

import numpy as np

_WORDS = ["the", "a", "cat", "dog", "sat", "on", "mat", "im", "Haus"]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Repeated tokens make greedy matching fail; case 0 compares two 300-token sequences."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        vocab = _WORDS[: 2 + i % 8]
        n_ref = 300 if i == 0 else int(rng.integers(0, 12))
        reference = [vocab[int(k)] for k in rng.integers(0, len(vocab), size=n_ref)]
        candidate = [t for t in reference if rng.random() < 0.7]
        for _ in range(int(rng.integers(0, 4)) + (60 if i == 0 else 0)):
            pos = int(rng.integers(0, len(candidate) + 1))
            candidate.insert(pos, vocab[int(rng.integers(0, len(vocab)))])
        cases.append({"candidate": candidate, "reference": reference})
    return cases
