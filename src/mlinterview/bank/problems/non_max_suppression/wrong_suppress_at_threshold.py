"""Wrong: also suppresses boxes whose IoU equals the threshold (>= instead of >)."""

import numpy as np


def non_max_suppression(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> list[int]:
    scores = np.asarray(scores, dtype=float)
    if scores.size == 0:
        return []
    b = np.asarray(boxes, dtype=float).reshape(-1, 4)
    order = np.argsort(-scores, kind="stable")
    keep: list[int] = []
    while order.size:
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        w = np.clip(np.minimum(b[i, 2], b[rest, 2]) - np.maximum(b[i, 0], b[rest, 0]), 0, None)
        h = np.clip(np.minimum(b[i, 3], b[rest, 3]) - np.maximum(b[i, 1], b[rest, 1]), 0, None)
        inter = w * h
        union = (
            (b[i, 2] - b[i, 0]) * (b[i, 3] - b[i, 1])
            + (b[rest, 2] - b[rest, 0]) * (b[rest, 3] - b[rest, 1])
            - inter
        )
        ious = np.divide(inter, union, out=np.zeros(len(rest)), where=union > 0)
        order = rest[ious < iou_threshold]
    return keep
