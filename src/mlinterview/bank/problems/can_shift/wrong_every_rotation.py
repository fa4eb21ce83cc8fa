"""Wrong: builds and compares every rotation, which is quadratic and too slow."""


def can_shift(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    if not a:
        return True
    return any(a[i:] + a[:i] == b for i in range(len(a)))
