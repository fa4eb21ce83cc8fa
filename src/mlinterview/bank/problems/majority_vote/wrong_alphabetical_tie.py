"""Wrong: breaks ties by the alphabetically smallest answer instead of the earliest one."""


def majority_vote(answers: list[str]) -> str | None:
    """Sorting by (-count, answer) is deterministic but not the stated rule."""
    if not answers:
        return None
    counts: dict[str, int] = {}
    for answer in answers:
        counts[answer] = counts.get(answer, 0) + 1
    return min(counts, key=lambda a: (-counts[a], a))
