"""Random box pairs: overlapping, disjoint, nested and degenerate."""

from __future__ import annotations

import numpy as np


def _box(rng: np.random.Generator, scale: float) -> list[float]:
    x1, y1 = rng.uniform(-scale, scale, size=2)
    w, h = rng.uniform(0, scale, size=2)
    if rng.random() < 0.1:
        w = 0.0
    return [
        round(float(x1), 4),
        round(float(y1), 4),
        round(float(x1 + w), 4),
        round(float(y1 + h), 4),
    ]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Overlapping, disjoint and zero-width pairs at scales 1 to 500: clamp and union errors."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        scale = float(rng.choice([1.0, 10.0, 500.0]))
        a = _box(rng, scale)
        if i % 3 == 0:
            dx, dy = rng.normal(scale=scale / 4, size=2)
            b = [round(a[0] + dx, 4), round(a[1] + dy, 4), round(a[2] + dx, 4), round(a[3] + dy, 4)]
        else:
            b = _box(rng, scale)
        cases.append({"box_a": a, "box_b": b})
    return cases
