"""Reference RMSNorm: x / sqrt(mean(x^2) + eps) * weight over the last axis."""

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """No centring and no bias: that is what separates it from layer norm."""
    mean_square = x.pow(2).mean(dim=-1, keepdim=True)
    return x * torch.rsqrt(mean_square + eps) * weight
