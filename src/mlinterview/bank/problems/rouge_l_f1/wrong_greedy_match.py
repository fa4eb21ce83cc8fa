"""Wrong: matches greedily, each candidate token to the next occurrence in the reference."""


def rouge_l_f1(candidate: list, reference: list) -> float:
    """An early greedy match can skip past tokens that a longer common subsequence needs."""
    lcs = 0
    start = 0
    for token in candidate:
        for j in range(start, len(reference)):
            if reference[j] == token:
                lcs += 1
                start = j + 1
                break
    if lcs == 0:
        return 0.0
    precision = lcs / len(candidate)
    recall = lcs / len(reference)
    return 2 * precision * recall / (precision + recall)
