"""Wrong: breaks ties by the pair seen first (Counter.most_common), not the smallest pair."""

from collections import Counter
from itertools import pairwise


def bpe_merge_step(words: list) -> dict:
    """most_common(1) keeps insertion order among equal counts."""
    pairs: Counter[tuple[str, str]] = Counter()
    for symbols, count in words:
        for left, right in pairwise(symbols):
            pairs[(left, right)] += count
    if not pairs:
        return {"pair": None, "words": [[list(s), c] for s, c in words]}
    best = pairs.most_common(1)[0][0]
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
