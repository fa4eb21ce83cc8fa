"""Reference majority vote with an earliest-first-occurrence tie rule."""


def majority_vote(answers: list[str]) -> str | None:
    """Dicts keep insertion order, so the first maximum found is the earliest-seen answer."""
    counts: dict[str, int] = {}
    for answer in answers:
        counts[answer] = counts.get(answer, 0) + 1
    best: str | None = None
    best_count = 0
    for answer, count in counts.items():
        if count > best_count:
            best, best_count = answer, count
    return best
