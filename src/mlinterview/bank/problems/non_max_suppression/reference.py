"""Reference: greedy NMS; only kept boxes suppress, ties in score keep the lower index first."""

import numpy as np


def _iou_one_to_many(box: np.ndarray, others: np.ndarray) -> np.ndarray:
    w = np.clip(np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]), 0, None)
    h = np.clip(np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]), 0, None)
    inter = w * h
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
    union = area + areas - inter
    out = np.zeros(len(others))
    np.divide(inter, union, out=out, where=union > 0)
    return out


def non_max_suppression(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> list[int]:
    scores = np.asarray(scores, dtype=float)
    if scores.size == 0:
        return []
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    # Stable sort of the negated scores: equal scores stay in index order.
    order = np.argsort(-scores, kind="stable")
    keep: list[int] = []
    while order.size:
        best = int(order[0])
        keep.append(best)
        rest = order[1:]
        # Only the box just kept suppresses; boxes it removes never suppress anything.
        order = rest[_iou_one_to_many(boxes[best], boxes[rest]) <= iou_threshold]
    return keep
