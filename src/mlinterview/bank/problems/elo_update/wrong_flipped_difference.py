"""Wrong: uses (r_a - r_b) in the exponent, so the stronger player is expected to lose."""


def elo_update(r_a: float, r_b: float, score_a: float, k: float) -> list[float]:
    """Sign error in the logistic expected score."""
    expected_a = 1.0 / (1.0 + 10.0 ** ((r_a - r_b) / 400.0))
    expected_b = 1.0 - expected_a
    return [r_a + k * (score_a - expected_a), r_b + k * ((1.0 - score_a) - expected_b)]
