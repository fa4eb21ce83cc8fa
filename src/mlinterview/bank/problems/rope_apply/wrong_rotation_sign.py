"""Wrong: rotate_half returns (x2, -x1) instead of (-x2, x1): every pair turns backwards."""

import torch


def rope_apply(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """The angle -position * theta_i: relative positions still work, the values do not."""
    d = x.shape[-1]
    half = d // 2
    theta = base ** (-2.0 * torch.arange(half, dtype=torch.float64) / d)
    angles = positions.to(torch.float64)[:, None] * theta[None, :]
    cos, sin = torch.cat([angles.cos()] * 2, dim=-1), torch.cat([angles.sin()] * 2, dim=-1)
    rotated = torch.cat([x[..., half:], -x[..., :half]], dim=-1)
    return x * cos + rotated * sin
