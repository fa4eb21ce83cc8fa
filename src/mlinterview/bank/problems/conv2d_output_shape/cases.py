"""Random convolution geometries: ints and pairs, sometimes kernels that do not fit."""

from __future__ import annotations

import numpy as np


def _maybe_pair(rng: np.random.Generator, low: int, high: int) -> object:
    if rng.random() < 0.5:
        return int(rng.integers(low, high))
    return [int(rng.integers(low, high)), int(rng.integers(low, high))]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Layer shapes with ints and pairs, 'same' or 'valid' padding, some kernels that do not fit."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        h, w = int(rng.integers(1, 300)), int(rng.integers(1, 300))
        kernel = _maybe_pair(rng, 1, 12)
        dilation = _maybe_pair(rng, 1, 4)
        if i % 4 == 0:
            padding: object = "same"
            stride: object = 1
        else:
            padding = "valid" if i % 4 == 1 else _maybe_pair(rng, 0, 6)
            stride = _maybe_pair(rng, 1, 5)
        cases.append(
            {
                "h": h,
                "w": w,
                "kernel": kernel,
                "stride": stride,
                "padding": padding,
                "dilation": dilation,
            }
        )
    return cases
