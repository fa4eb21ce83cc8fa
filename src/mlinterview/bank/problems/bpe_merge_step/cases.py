"""Random BPE corpora: tiny alphabets, multi-character symbols, one large corpus."""

import numpy as np

_ALPHABETS = [
    ["a", "b"],
    ["a", "b", "c"],
    ["e", "r", "s", "t", "</w>"],
    ["a", "ab", "b", "ba", "c"],
]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Tiny alphabets make ties and repeated, overlapping pairs common; case 0 has 3000 words."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        alphabet = _ALPHABETS[i % len(_ALPHABETS)]
        n_words = 3000 if i == 0 else int(rng.integers(0, 8))
        words = []
        for _ in range(n_words):
            length = int(rng.integers(1, 9))
            symbols = [alphabet[int(k)] for k in rng.integers(0, len(alphabet), size=length)]
            words.append([symbols, int(rng.integers(1, 6))])
        cases.append({"words": words})
    return cases
