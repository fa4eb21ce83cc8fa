"""Random texts with messy whitespace, plus one document of 200 000 words."""

import numpy as np

_WORDS = ["the", "model", "context", "token", "Wort", "Kontext", "größer", "a", "ok."]
_SPACES = [" ", " ", " ", "  ", "\n", "\t", " \n "]


def _text(rng: np.random.Generator, n_words: int) -> str:
    words = [_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), size=n_words)]
    seps = [_SPACES[int(i)] for i in rng.integers(0, len(_SPACES), size=n_words + 1)]
    return seps[0] + "".join(w + s for w, s in zip(words, seps[1:], strict=True))


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Messy whitespace, word counts often fitting the step grid; a 200,000-word text for speed."""
    cases: list[dict[str, object]] = [{"text": _text(rng, 200_000), "size": 256, "overlap": 32}]
    for _ in range(1, count):
        size = int(rng.integers(1, 7))
        overlap = int(rng.integers(0, size))
        step = size - overlap
        n_words = size + step * int(rng.integers(0, 5)) if rng.random() < 0.5 else 0
        n_words = n_words or int(rng.integers(0, 25))
        cases.append({"text": _text(rng, n_words), "size": size, "overlap": overlap})
    return cases[:count]
