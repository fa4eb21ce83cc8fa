"""Random texts: mixed case, uneven whitespace, punctuation and one very long text."""

from __future__ import annotations

import numpy as np

WORDS = ("data", "Model", "the", "TRAIN", "loss,", "ein", "Öl", "Fluss.", "a", "x?", "Straße")
GAPS = (" ", "  ", "\t", "\n", " \n ", "   ")


def _text(rng: np.random.Generator, words: int) -> str:
    picked = rng.integers(0, len(WORDS), size=words)
    gaps = rng.integers(0, len(GAPS), size=words + 1)
    lead = GAPS[gaps[-1]] if rng.random() < 0.5 else ""
    return lead + "".join(WORDS[w] + GAPS[g] for w, g in zip(picked, gaps[:-1], strict=True))


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Mixed case, messy whitespace, punctuation; 5,000 words catch early stops and slowness."""
    cases: list[dict[str, object]] = [
        {"text": _text(rng, int(rng.integers(0, 30)))} for _ in range(count - 1)
    ]
    cases.append({"text": _text(rng, 5_000)})
    return cases
