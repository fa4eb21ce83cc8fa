"""Random GQA inputs: MHA, GQA and MQA head layouts, cached prefixes, causal or not."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Hkv in 1-3 with groups of 1-3 query heads; S = T + prefix of 0-4 cached keys."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        batch = int(rng.integers(1, 3))
        kv_heads = int(rng.integers(1, 4))
        q_heads = kv_heads * int(rng.integers(1, 4))
        tokens = int(rng.integers(1, 5))
        keys = tokens + int(rng.integers(0, 5))
        d = int(rng.integers(1, 6))
        scale = [1.0, 2.5][i % 2]
        cases.append(
            {
                "q": np.round(rng.normal(0.0, scale, size=(batch, q_heads, tokens, d)), 3),
                "k": np.round(rng.normal(0.0, scale, size=(batch, kv_heads, keys, d)), 3),
                "v": np.round(rng.normal(size=(batch, kv_heads, keys, d)), 3),
                "causal": i % 3 != 2,
            }
        )
    return cases
