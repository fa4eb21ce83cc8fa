"""Reference Elo update: both players move by K times their surprise."""


def elo_update(r_a: float, r_b: float, score_a: float, k: float) -> list[float]:
    """Expected scores use the pre-game ratings, so the update is zero-sum."""
    expected_a = 1.0 / (1.0 + 10.0 ** ((r_b - r_a) / 400.0))
    expected_b = 1.0 - expected_a
    return [r_a + k * (score_a - expected_a), r_b + k * ((1.0 - score_a) - expected_b)]
