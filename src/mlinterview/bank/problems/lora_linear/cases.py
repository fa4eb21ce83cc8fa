"""Random LoRA layers: 0-2 leading axes, ranks 1-4, alphas that r need not divide."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Widths 1-8, B drawn non-zero (a trained adapter); alpha from 1 to 32."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        lead: tuple[int, ...] = [(), (3,), (2, 3)][i % 3]
        d_in, d_out = int(rng.integers(1, 9)), int(rng.integers(1, 9))
        rank = int(rng.integers(1, 5))
        cases.append(
            {
                "x": np.round(rng.normal(size=(*lead, d_in)), 3),
                "weight": np.round(rng.normal(0.0, 0.5, size=(d_out, d_in)), 3),
                "bias": np.round(rng.normal(0.0, 0.5, size=d_out), 3),
                "lora_a": np.round(rng.normal(0.0, 0.5, size=(rank, d_in)), 3),
                "lora_b": np.round(rng.normal(0.0, 0.5, size=(d_out, rank)), 3),
                "alpha": float([1, 7, 16, 32][i % 4]),
            }
        )
    return cases
