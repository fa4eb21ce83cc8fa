"""Random string pairs over small alphabets, often related by a few edits; one long pair."""

import numpy as np


def _mutate(rng: np.random.Generator, text: str, alphabet: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        kind = int(rng.integers(0, 3))
        pos = int(rng.integers(0, len(chars) + 1))
        new = alphabet[int(rng.integers(0, len(alphabet)))]
        if kind == 0:
            chars.insert(pos, new)
        elif chars and kind == 1:
            del chars[min(pos, len(chars) - 1)]
        elif chars:
            chars[min(pos, len(chars) - 1)] = new
    return "".join(chars)


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Strings a few edits apart (insertions shift the rest); case 0 has ~400 characters each."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        alphabet = ["ab", "acgt", "abcxyzäö"][i % 3]
        n = 400 if i == 0 else int(rng.integers(0, 14))
        a = "".join(alphabet[int(k)] for k in rng.integers(0, len(alphabet), size=n))
        b = _mutate(rng, a, alphabet, int(rng.integers(0, 6)) + (40 if i == 0 else 0))
        cases.append({"a": a, "b": b})
    return cases
