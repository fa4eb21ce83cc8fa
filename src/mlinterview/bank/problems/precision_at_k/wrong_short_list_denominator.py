"""Wrong: divides by the number of shown items instead of k when the list is short."""


def precision_at_k(recommended: list, relevant: list, k: int) -> float:
    """Treats missing slots as if they did not exist, inflating short lists."""
    top = recommended[:k]
    if not top:
        return 0.0
    wanted = set(relevant)
    seen = set()
    hits = 0
    for item in top:
        if item not in seen and item in wanted:
            hits += 1
        seen.add(item)
    return hits / len(top)
