"""Random detections: clusters of jittered boxes around a few objects, some tied scores."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Clustered boxes with tied scores test order and suppression; one large case tests speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        objects = 60 if i == 0 else int(rng.integers(1, 6))
        per_object = 33 if i == 0 else int(rng.integers(1, 8))
        centres = rng.uniform(0, 500, size=(objects, 2))
        sizes = rng.uniform(10, 80, size=(objects, 2))
        boxes = []
        for c, s in zip(centres, sizes, strict=True):
            for _ in range(per_object):
                cx, cy = c + rng.normal(scale=s / 6)
                w, h = s * rng.uniform(0.8, 1.2, size=2)
                boxes.append([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
        arr = np.round(np.array(boxes), 3)
        scores = np.round(rng.uniform(0, 1, size=len(arr)), 1 if i % 2 else 4)
        threshold = float(rng.choice([0.3, 0.45, 0.5, 0.7]))
        cases.append({"boxes": arr.tolist(), "scores": scores.tolist(), "iou_threshold": threshold})
    return cases
