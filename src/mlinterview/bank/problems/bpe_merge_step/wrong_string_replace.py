"""Wrong: merges with a plain string replace on the space-joined word, which also matches
across symbol boundaries."""

from collections import Counter
from itertools import pairwise


def bpe_merge_step(words: list) -> dict:
    """'xa b'.replace('a b', 'ab') gives 'xab' although the pair is ('xa', 'b')."""
    pairs: Counter[tuple[str, str]] = Counter()
    for symbols, count in words:
        for left, right in pairwise(symbols):
            pairs[(left, right)] += count
    if not pairs:
        return {"pair": None, "words": [[list(s), c] for s, c in words]}
    top = max(pairs.values())
    best = min(pair for pair, n in pairs.items() if n == top)
    old, new = " ".join(best), "".join(best)
    merged_words = [[" ".join(symbols).replace(old, new).split(" "), c] for symbols, c in words]
    return {"pair": list(best), "words": merged_words}
