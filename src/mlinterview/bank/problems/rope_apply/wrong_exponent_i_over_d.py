"""Wrong: theta_i = base^(-i/d) instead of base^(-2i/d), so the frequencies decay too slowly."""

import torch


def rope_apply(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Only theta_0 = 1 is right; every later pair turns too fast."""
    d = x.shape[-1]
    half = d // 2
    theta = base ** (-torch.arange(half, dtype=torch.float64) / d)
    angles = positions.to(torch.float64)[:, None] * theta[None, :]
    cos, sin = angles.cos(), angles.sin()
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)
