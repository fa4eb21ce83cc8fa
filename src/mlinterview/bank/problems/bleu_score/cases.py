"""Random candidates made from noisy copies of their references; one long candidate."""

import numpy as np

_WORDS = ["the", "a", "cat", "dog", "sat", "on", "mat", "und", "der", "Hund"]


def _noisy_copy(rng: np.random.Generator, tokens: list[str], vocab: list[str]) -> list[str]:
    out = []
    for token in tokens:
        roll = rng.random()
        if roll < 0.1:
            continue  # dropped
        out.append(token if roll < 0.85 else vocab[int(rng.integers(0, len(vocab)))])
        if rng.random() < 0.05:
            out.append(vocab[int(rng.integers(0, len(vocab)))])
    return out


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Noisy copies share many n-grams and differ in length; case 0 has a 3000-token candidate."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        vocab = _WORDS[: 4 + i % 7]
        length = 3000 if i == 0 else int(rng.integers(4, 16))
        source = [vocab[int(k)] for k in rng.integers(0, len(vocab), size=length)]
        references = [_noisy_copy(rng, source, vocab) for _ in range(int(rng.integers(1, 4)))]
        references = [ref or [vocab[0]] for ref in references]
        candidate = _noisy_copy(rng, source, vocab)
        cases.append({"candidate": candidate, "references": references, "max_n": 1 + i % 4})
    return cases
