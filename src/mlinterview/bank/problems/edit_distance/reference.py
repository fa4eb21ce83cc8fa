"""Reference Levenshtein distance: dynamic programming over prefixes, one row at a time."""


def edit_distance(a: str, b: str) -> int:
    """Minimum number of single-character insertions, deletions and substitutions."""
    previous = list(range(len(b) + 1))  # distance from the empty prefix of a
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,  # delete char_a
                    current[j - 1] + 1,  # insert char_b
                    previous[j - 1] + (char_a != char_b),  # substitute or match
                )
            )
        previous = current
    return previous[-1]
