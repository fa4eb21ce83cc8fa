"""Wrong: counts overlapping tokens regardless of order (that is ROUGE-1, not ROUGE-L)."""

from collections import Counter


def rouge_l_f1(candidate: list, reference: list) -> float:
    """The clipped unigram overlap ignores whether the shared words appear in the same order."""
    overlap = sum((Counter(candidate) & Counter(reference)).values())
    if overlap == 0:
        return 0.0
    precision = overlap / len(candidate)
    recall = overlap / len(reference)
    return 2 * precision * recall / (precision + recall)
