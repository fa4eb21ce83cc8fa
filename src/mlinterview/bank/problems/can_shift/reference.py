"""Reference: equal lengths, and b occurs in a + a (every rotation is a window of a + a)."""


def can_shift(a: str, b: str) -> bool:
    return len(a) == len(b) and b in a + a
