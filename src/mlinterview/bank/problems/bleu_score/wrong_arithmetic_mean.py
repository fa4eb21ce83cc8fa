"""Wrong: averages the n-gram precisions arithmetically instead of geometrically."""

import math
from collections import Counter


def _ngrams(tokens: list, n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def bleu_score(candidate: list, references: list, max_n: int = 4) -> float:
    """No smoothing: a zero (or undefined) precision makes the score 0."""
    mean_precision = 0.0
    for n in range(1, max_n + 1):
        cand = _ngrams(candidate, n)
        total = sum(cand.values())
        if total == 0:
            return 0.0  # candidate shorter than n: precision undefined
        best_ref: Counter[tuple[str, ...]] = Counter()
        for ref in references:
            best_ref |= _ngrams(ref, n)  # union = element-wise maximum of the counts
        clipped = sum(min(count, best_ref[gram]) for gram, count in cand.items())
        if clipped == 0:
            return 0.0
        mean_precision += clipped / total / max_n
    c = len(candidate)
    r = min((abs(len(ref) - c), len(ref)) for ref in references)[1]  # closest, shorter on ties
    brevity = 1.0 if c > r else math.exp(1.0 - r / c)
    return brevity * mean_precision
