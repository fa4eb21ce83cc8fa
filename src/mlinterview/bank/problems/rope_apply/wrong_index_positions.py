"""Wrong: uses 0, 1, ..., T-1 as positions and ignores the positions argument."""

import torch


def rope_apply(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Right only when the positions happen to be arange(T), e.g. no KV cache offset."""
    d, tokens = x.shape[-1], x.shape[-2]
    half = d // 2
    theta = base ** (-2.0 * torch.arange(half, dtype=torch.float64) / d)
    angles = torch.arange(tokens, dtype=torch.float64)[:, None] * theta[None, :]
    cos, sin = angles.cos(), angles.sin()
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)
