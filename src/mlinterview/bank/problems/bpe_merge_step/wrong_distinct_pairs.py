"""Wrong: counts each distinct pair once per word, so a pair repeated inside a word counts once."""

from collections import Counter
from itertools import pairwise


def bpe_merge_step(words: list) -> dict:
    """set(zip(...)) drops repeated positions of the same pair within one word."""
    pairs: Counter[tuple[str, str]] = Counter()
    for symbols, count in words:
        for pair in set(pairwise(symbols)):
            pairs[pair] += count
    if not pairs:
        return {"pair": None, "words": [[list(s), c] for s, c in words]}
    top = max(pairs.values())
    best = min(pair for pair, n in pairs.items() if n == top)
    merged_words = []
    for symbols, count in words:
        out: list[str] = []
        i = 0
        while i < len(symbols):
            if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                out.append(symbols[i] + symbols[i + 1])
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        merged_words.append([out, count])
    return {"pair": list(best), "words": merged_words}
