"""Wrong: uses the longest common contiguous run (substring) instead of the subsequence."""


def _longest_common_run(a: list, b: list) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if token == other else 0)
        best = max(best, max(current))
        previous = current
    return best


def rouge_l_f1(candidate: list, reference: list) -> float:
    """A single gap breaks the match, so in-order words with insertions between count less."""
    lcs = _longest_common_run(candidate, reference)
    if lcs == 0:
        return 0.0
    precision = lcs / len(candidate)
    recall = lcs / len(reference)
    return 2 * precision * recall / (precision + recall)
