"""Wrong: updates A first and computes B's expected score from A's *new* rating."""


def elo_update(r_a: float, r_b: float, score_a: float, k: float) -> list[float]:
    """Reuses the freshly updated rating, so the two changes no longer cancel out."""
    expected_a = 1.0 / (1.0 + 10.0 ** ((r_b - r_a) / 400.0))
    r_a = r_a + k * (score_a - expected_a)
    expected_b = 1.0 / (1.0 + 10.0 ** ((r_a - r_b) / 400.0))
    r_b = r_b + k * ((1.0 - score_a) - expected_b)
    return [r_a, r_b]
