"""Reference precision@k with a set for O(1) membership."""


def precision_at_k(recommended: list, relevant: list, k: int) -> float:
    """Count first appearances of relevant ids in the top k, divide by k."""
    wanted = set(relevant)
    seen = set()
    hits = 0
    for item in recommended[:k]:
        if item in seen:
            continue
        seen.add(item)
        if item in wanted:
            hits += 1
    return hits / k
