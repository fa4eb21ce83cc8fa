"""Reference: one byte-pair-encoding merge step on a weighted word list."""

from collections import Counter
from itertools import pairwise


def bpe_merge_step(words: list) -> dict:
    """Count adjacent pairs weighted by word counts, pick the best, merge it left to right."""
    pairs: Counter[tuple[str, str]] = Counter()
    for symbols, count in words:
        for left, right in pairwise(symbols):  # overlapping positions all count
            pairs[(left, right)] += count
    if not pairs:
        return {"pair": None, "words": [[list(s), c] for s, c in words]}
    top = max(pairs.values())
    best = min(pair for pair, n in pairs.items() if n == top)  # ties: smallest tuple
    merged_words = []
    for symbols, count in words:
        out: list[str] = []
        i = 0
        while i < len(symbols):
            if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                out.append(symbols[i] + symbols[i + 1])
                i += 2  # the merged symbols cannot start another occurrence
            else:
                out.append(symbols[i])
                i += 1
        merged_words.append([out, count])
    return {"pair": list(best), "words": merged_words}
