"""Random self-attention inputs: batch 1-3, 1-6 tokens, 1-4 heads of width 1-4."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Mixed head counts and widths, weights on varied scales; short decimals for reading."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        batch = int(rng.integers(1, 4))
        tokens = int(rng.integers(1, 7))
        n_heads = int(rng.integers(1, 5))
        d_model = n_heads * int(rng.integers(1, 5))
        scale = [0.3, 1.0, 2.0][i % 3]
        cases.append(
            {
                "x": np.round(rng.normal(size=(batch, tokens, d_model)), 3),
                "w_qkv": np.round(rng.normal(0.0, scale, size=(d_model, 3 * d_model)), 3),
                "w_out": np.round(rng.normal(0.0, 0.5, size=(d_model, d_model)), 3),
                "n_heads": n_heads,
            }
        )
    return cases
