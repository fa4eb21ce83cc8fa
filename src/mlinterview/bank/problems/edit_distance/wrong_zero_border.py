"""Wrong: starts the first row and column of the table at 0 instead of 0, 1, 2, ..."""


def edit_distance(a: str, b: str) -> int:
    """Turning a prefix into the empty string looks free, so leading edits are not counted."""
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]
