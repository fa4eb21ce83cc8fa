"""Wrong: merges overlapping occurrences too (['a', 'a', 'a'] -> ['aa', 'aa'])."""

from collections import Counter
from itertools import pairwise


def bpe_merge_step(words: list) -> dict:
    """Steps one symbol instead of two after a merge, so a symbol is used twice."""
    pairs: Counter[tuple[str, str]] = Counter()
    for symbols, count in words:
        for left, right in pairwise(symbols):
            pairs[(left, right)] += count
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
                if i + 2 < len(symbols) and (symbols[i + 1], symbols[i + 2]) == best:
                    i += 1
                else:
                    i += 2
            else:
                out.append(symbols[i])
                i += 1
        merged_words.append([out, count])
    return {"pair": list(best), "words": merged_words}
