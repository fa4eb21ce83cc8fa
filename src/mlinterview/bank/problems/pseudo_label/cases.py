"""Random pseudo-labelling cases: softmax rows, some rounded so that ties and exact hits occur."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Coarse rows create exact ties and threshold hits beside smooth softmax rows."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = int(rng.integers(1, 40))
        c = int(rng.integers(2, 6))
        if i % 2 == 0:
            logits = rng.normal(scale=2.0, size=(n, c))
            probs = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs /= probs.sum(axis=1, keepdims=True)
            # Rounded: exp differs in the last bit between numpy builds, and the frozen
            # arguments must be what every machine generates.
            probs = np.round(probs, 12)
            threshold = float(np.round(rng.uniform(0.3, 0.95), 3))
        else:
            # Integer weights divided by their total: many exact ties and exact threshold hits.
            weights = rng.integers(0, 4, size=(n, c)).astype(float)
            weights[:, 0] += 1.0
            probs = weights / weights.sum(axis=1, keepdims=True)
            threshold = float(probs[int(rng.integers(0, n))].max())
        cases.append({"probabilities": probs.tolist(), "threshold": threshold})
    return cases
