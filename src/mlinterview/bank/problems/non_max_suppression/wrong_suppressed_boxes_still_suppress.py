"""Wrong: drops a box if any higher-scoring box overlaps it, even one that was itself
suppressed (not greedy: a chain A > B > C loses C although B was removed)."""


def _iou(a: list[float], b: list[float]) -> float:
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def non_max_suppression(boxes: list, scores: list, iou_threshold: float) -> list[int]:
    bx = [list(map(float, b)) for b in boxes]
    order = sorted(range(len(scores)), key=lambda i: (-float(scores[i]), i))
    keep = []
    for pos, i in enumerate(order):
        if all(_iou(bx[i], bx[j]) <= iou_threshold for j in order[:pos]):
            keep.append(i)
    return keep
