"""Wrong: compares the multisets of letters, which accepts any anagram."""


def can_shift(a: str, b: str) -> bool:
    return sorted(a) == sorted(b)
