"""Reference ROUGE-L: F1 of precision and recall from the longest common subsequence."""


def _lcs_length(a: list, b: list) -> int:
    """Classic dynamic programme over prefixes, keeping one row."""
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            if token == other:
                current.append(previous[j - 1] + 1)
            else:
                current.append(max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l_f1(candidate: list, reference: list) -> float:
    """2PR / (P + R) with P = LCS / len(candidate), R = LCS / len(reference); 0 without overlap."""
    lcs = _lcs_length(candidate, reference)
    if lcs == 0:
        return 0.0
    precision = lcs / len(candidate)
    recall = lcs / len(reference)
    return 2 * precision * recall / (precision + recall)
