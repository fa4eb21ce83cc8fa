"""Wrong: subtracts the mean first, which turns RMSNorm into layer norm without a bias."""

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """Divides by the standard deviation: equal to RMSNorm only for zero-mean rows."""
    centred = x - x.mean(dim=-1, keepdim=True)
    return centred * torch.rsqrt(centred.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
