"""Wrong: collects the bigrams in a set, which drops repeats and loses their order."""

import itertools


def find_bigrams(text: str) -> list[tuple[str, str]]:
    words = text.lower().split()
    return sorted(set(itertools.pairwise(words)))
