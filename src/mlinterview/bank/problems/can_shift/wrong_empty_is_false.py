"""Wrong: treats empty strings as a special "no" instead of a rotation of themselves."""


def can_shift(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return len(a) == len(b) and b in a + a
