"""Wrong: forgets the length check, so any substring of a + a (even "") counts."""


def can_shift(a: str, b: str) -> bool:
    return b in a + a
