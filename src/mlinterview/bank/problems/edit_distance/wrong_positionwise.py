"""Wrong: compares the strings position by position and adds the length difference."""


def edit_distance(a: str, b: str) -> int:
    """Hamming distance on the common length plus |len(a) - len(b)|: an insertion near the
    start shifts every later character and counts as many substitutions."""
    mismatches = sum(x != y for x, y in zip(a, b, strict=False))
    return mismatches + abs(len(a) - len(b))
