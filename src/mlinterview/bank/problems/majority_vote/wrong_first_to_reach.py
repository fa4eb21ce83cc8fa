"""Wrong: streaming update keeps the answer that *reached* the top count first."""


def majority_vote(answers: list[str]) -> str | None:
    """Looks natural but breaks the tie rule: ["a", "b", "b", "a"] gives "b"."""
    counts: dict[str, int] = {}
    best: str | None = None
    best_count = 0
    for answer in answers:
        counts[answer] = counts.get(answer, 0) + 1
        if counts[answer] > best_count:
            best, best_count = answer, counts[answer]
    return best
