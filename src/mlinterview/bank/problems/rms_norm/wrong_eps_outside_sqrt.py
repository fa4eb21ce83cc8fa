"""Wrong: adds eps to the root mean square instead of to the mean square under the root."""

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """x / (rms + eps): close for large rows, far off when the mean square is near eps."""
    return x / (x.pow(2).mean(dim=-1, keepdim=True).sqrt() + eps) * weight
