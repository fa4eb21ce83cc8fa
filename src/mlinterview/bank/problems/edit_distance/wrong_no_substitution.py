"""Wrong: allows only insertions and deletions, so a substitution costs 2."""


def edit_distance(a: str, b: str) -> int:
    """This is the indel (LCS) distance, len(a) + len(b) - 2 * LCS, not Levenshtein."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            diagonal = previous[j - 1] if char_a == char_b else previous[j - 1] + 2
            current.append(min(previous[j] + 1, current[j - 1] + 1, diagonal))
        previous = current
    return previous[-1]
