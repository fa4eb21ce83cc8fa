"""Wrong: forgets to lower-case, so the output keeps the capitals of the input."""

import itertools


def find_bigrams(text: str) -> list[tuple[str, str]]:
    words = text.split()
    return list(itertools.pairwise(words))
