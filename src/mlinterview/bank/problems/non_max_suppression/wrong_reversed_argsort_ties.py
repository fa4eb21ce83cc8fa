"""Wrong: orders by np.argsort(scores)[::-1], which puts the higher index first among equal
scores."""

import numpy as np


def non_max_suppression(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> list[int]:
    scores = np.asarray(scores, dtype=float)
    if scores.size == 0:
        return []
    b = np.asarray(boxes, dtype=float).reshape(-1, 4)
    order = list(np.argsort(scores, kind="stable")[::-1])
    keep: list[int] = []
    while order:
        i = int(order.pop(0))
        keep.append(i)
        survivors = []
        for j in order:
            w = max(0.0, min(b[i, 2], b[j, 2]) - max(b[i, 0], b[j, 0]))
            h = max(0.0, min(b[i, 3], b[j, 3]) - max(b[i, 1], b[j, 1]))
            inter = w * h
            union = (
                (b[i, 2] - b[i, 0]) * (b[i, 3] - b[i, 1])
                + (b[j, 2] - b[j, 0]) * (b[j, 3] - b[j, 1])
                - inter
            )
            if (inter / union if union > 0 else 0.0) <= iou_threshold:
                survivors.append(j)
        order = survivors
    return keep
