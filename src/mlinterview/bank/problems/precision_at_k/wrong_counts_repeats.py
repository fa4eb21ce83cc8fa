"""Wrong: counts a relevant id every time it is repeated in the top k."""


def precision_at_k(recommended: list, relevant: list, k: int) -> float:
    """Plain membership count; a list that repeats one good item scores too high."""
    wanted = set(relevant)
    hits = sum(1 for item in recommended[:k] if item in wanted)
    return hits / k
