"""Random single games between ratings in a realistic range."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Realistic ratings, wins, ties and losses, various K: sign and update-order mistakes show."""
    cases: list[dict[str, object]] = []
    for _ in range(count):
        cases.append(
            {
                "r_a": float(np.round(rng.uniform(800.0, 2800.0), 1)),
                "r_b": float(np.round(rng.uniform(800.0, 2800.0), 1)),
                "score_a": float(rng.choice([0.0, 0.5, 1.0])),
                "k": float(rng.choice([4.0, 10.0, 16.0, 24.0, 32.0, 64.0])),
            }
        )
    return cases
