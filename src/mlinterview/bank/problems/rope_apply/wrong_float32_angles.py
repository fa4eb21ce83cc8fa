"""Wrong: builds the angles in float32 (positions.float()), fine for short contexts only."""

import torch


def rope_apply(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """At position 1e5 a float32 angle is off by up to ~2e-4 rad, far beyond the tolerance."""
    d = x.shape[-1]
    half = d // 2
    theta = base ** (-2.0 * torch.arange(half).float() / d)
    angles = (positions.float()[:, None] * theta[None, :]).to(torch.float64)
    cos, sin = angles.cos(), angles.sin()
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)
