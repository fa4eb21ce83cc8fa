"""Wrong: returns 1/0 instead of True/False; a bool is expected."""


def can_shift(a: str, b: str) -> bool:
    return int(len(a) == len(b) and b in a + a)  # type: ignore[return-value]
