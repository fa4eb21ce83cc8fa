"""Random pre-LN blocks: batch 1-2, 1-5 tokens, 1-3 heads, MLP width 2-4 x D."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Non-trivial LN gains/shifts and biases; x offset so layer norm has a mean to remove."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        batch, tokens = int(rng.integers(1, 3)), int(rng.integers(1, 6))
        n_heads = int(rng.integers(1, 4))
        d = n_heads * int(rng.integers(1, 4))
        if d == 1:
            d, n_heads = 2, 1  # layer norm over one feature erases the whole input
        hidden = d * int(rng.integers(2, 5))

        def draw(*shape: int, mean: float = 0.0, scale: float = 1.0) -> np.ndarray:
            return np.round(rng.normal(mean, scale, size=shape), 3)

        cases.append(
            {
                "x": draw(batch, tokens, d, mean=[0.0, 2.0, -3.0][i % 3]),
                "ln1_g": draw(d, mean=1.0, scale=0.3),
                "ln1_b": draw(d, scale=0.2),
                "w_qkv": draw(d, 3 * d, scale=0.7),
                "w_out": draw(d, d, scale=0.5),
                "ln2_g": draw(d, mean=1.0, scale=0.3),
                "ln2_b": draw(d, scale=0.2),
                "w1": draw(d, hidden, scale=0.8),
                "b1": draw(hidden, scale=0.3),
                "w2": draw(hidden, d, scale=0.5),
                "b2": draw(d, scale=0.2),
                "n_heads": n_heads,
            }
        )
    return cases
