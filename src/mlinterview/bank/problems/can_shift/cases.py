"""Random rotations and near misses, plus long strings that defeat a quadratic search."""

from __future__ import annotations

import numpy as np

LETTERS = "ab"


def _word(rng: np.random.Generator, n: int) -> str:
    return "".join(rng.choice(list(LETTERS), size=n)) if n else ""


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Rotations and near misses over two letters; long repetitive strings defeat O(n^2) search."""
    cases: list[dict[str, object]] = []
    for i in range(count - 2):
        a = _word(rng, int(rng.integers(1, 12)))
        shift = int(rng.integers(0, len(a)))
        b = a[shift:] + a[:shift]
        if i % 2:  # a near miss: swap two neighbours, which usually breaks the rotation
            j = int(rng.integers(0, len(b)))
            k = (j + 1) % len(b)
            chars = list(b)
            chars[j], chars[k] = chars[k], chars[j]
            b = "".join(chars)
        cases.append({"a": a, "b": b})
    n = 300_000
    # Long and highly repetitive: every rotation shares long prefixes with `b`.
    cases.append({"a": "a" * (n - 1) + "b", "b": "a" * n})
    cases.append({"a": "a" * (n - 1) + "b", "b": "a" * (n // 2) + "b" + "a" * (n - n // 2 - 1)})
    return cases
