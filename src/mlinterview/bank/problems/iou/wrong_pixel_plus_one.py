"""Wrong: uses the inclusive pixel convention (width = x2 - x1 + 1) for continuous coordinates."""


def iou(box_a: list[float], box_b: list[float]) -> float:
    inter_w = max(0.0, min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]) + 1)
    inter_h = max(0.0, min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]) + 1)
    inter = inter_w * inter_h
    area_a = (box_a[2] - box_a[0] + 1) * (box_a[3] - box_a[1] + 1)
    area_b = (box_b[2] - box_b[0] + 1) * (box_b[3] - box_b[1] + 1)
    return inter / (area_a + area_b - inter)
