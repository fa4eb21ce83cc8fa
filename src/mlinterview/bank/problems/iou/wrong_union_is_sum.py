"""Wrong: divides by the sum of the two areas, counting the overlap twice in the union."""


def iou(box_a: list[float], box_b: list[float]) -> float:
    inter_w = max(0.0, min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]))
    inter_h = max(0.0, min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]))
    area_a = (box_a[2] - box_a[0]) * (box_a[3] - box_a[1])
    area_b = (box_b[2] - box_b[0]) * (box_b[3] - box_b[1])
    total = area_a + area_b
    return inter_w * inter_h / total if total > 0 else 0.0
