"""Random CNF grammars with sentences they derive, mutated sentences and random strings.

The first two cases are long sentences that the grammar rejects: bottom-up CKY handles them
in milliseconds, top-down recursion without memoisation would need astronomically long.
"""

from __future__ import annotations

import numpy as np

DYCK = [["S", "S", "S"], ["S", "L", "R"], ["S", "L", "T"], ["T", "S", "R"], ["L", "("], ["R", ")"]]
DOUBLING = [["S", "S", "S"], ["S", "a"], ["X", "b"]]
WORDS = ["a", "b", "c", "d", "e"]


def _grammar(rng: np.random.Generator) -> tuple[list[list[str]], list[str]]:
    symbols = ["S", *["A", "B", "C", "D"][: int(rng.integers(1, 5))]]
    rules: list[list[str]] = []
    for sym in symbols:
        for word in rng.choice(WORDS, size=int(rng.integers(1, 3)), replace=False):
            rules.append([sym, str(word)])
    for _ in range(int(rng.integers(2, 9))):
        lhs, b, c = (str(s) for s in rng.choice(symbols, size=3))
        rules.append([lhs, b, c])
    if not any(r[0] == "S" and len(r) == 3 for r in rules):
        rules.append(["S", str(rng.choice(symbols)), str(rng.choice(symbols))])
    return rules, symbols


def _derive(rng: np.random.Generator, rules: list[list[str]], symbol: str, depth: int) -> list[str]:
    binary = [r for r in rules if r[0] == symbol and len(r) == 3]
    lexical = [r for r in rules if r[0] == symbol and len(r) == 2]
    if binary and depth < 4 and rng.random() < 0.7:
        rule = binary[int(rng.integers(0, len(binary)))]
        return _derive(rng, rules, rule[1], depth + 1) + _derive(rng, rules, rule[2], depth + 1)
    return [lexical[int(rng.integers(0, len(lexical)))][1]]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Derived, mutated and random sentences; two long rejected ones defeat unmemoised recursion."""
    cases: list[dict[str, object]] = [
        {"grammar": DYCK, "tokens": list("(" * 31 + ")" * 30)},
        {"grammar": DOUBLING, "tokens": ["a"] * 12 + ["b"] + ["a"] * 12},
    ]
    while len(cases) < count:
        rules, _ = _grammar(rng)
        kind = len(cases) % 3
        tokens = _derive(rng, rules, "S", 0)
        if kind == 1:
            pos = int(rng.integers(0, len(tokens)))
            tokens[pos] = str(rng.choice(WORDS))
        elif kind == 2:
            tokens = [str(w) for w in rng.choice(WORDS[:3], size=int(rng.integers(1, 9)))]
        cases.append({"grammar": rules, "tokens": tokens})
    return cases[:count]
