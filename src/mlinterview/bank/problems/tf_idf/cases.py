"""Random corpora from a small vocabulary: repeated terms, empty documents, one larger corpus."""

import numpy as np

_VOCAB = ["the", "cat", "sat", "on", "mat", "dog", "Katze", "über", "a", "b", "Z", "zz"]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Terms repeat inside documents and empty documents occur; case 0 has 300 documents."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n_docs = 300 if i == 0 else int(rng.integers(1, 7))
        size = int(rng.integers(3, len(_VOCAB) + 1))
        words = _VOCAB[:size]
        docs = []
        for _ in range(n_docs):
            length = int(rng.integers(0, 12)) if rng.random() > 0.15 else 0
            docs.append([words[int(k)] for k in rng.integers(0, size, size=length)])
        cases.append({"docs": docs})
    return cases
