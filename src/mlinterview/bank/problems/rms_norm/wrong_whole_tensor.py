"""Wrong: one root mean square over the whole tensor instead of one per position."""

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """x.pow(2).mean() without a dim: every row shares one statistic."""
    return x * torch.rsqrt(x.pow(2).mean() + eps) * weight
