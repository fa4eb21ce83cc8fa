"""Wrong: averages precision and recall arithmetically instead of taking their harmonic mean."""


def _lcs_length(a: list, b: list) -> int:
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
    """(P + R) / 2 rewards a very short candidate with perfect precision too much."""
    lcs = _lcs_length(candidate, reference)
    if lcs == 0:
        return 0.0
    return (lcs / len(candidate) + lcs / len(reference)) / 2
