"""Wrong: exponentiates the logits without subtracting the row maximum."""

import torch


def info_nce_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float) -> float:
    """exp(1 / temperature) overflows to inf for temperature 1e-3, and inf / inf is nan."""
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    z = z / z.norm(dim=1, keepdim=True)
    e = torch.exp(z @ z.T / temperature) * (1.0 - torch.eye(2 * n, dtype=z.dtype))
    positive = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    prob = e[torch.arange(2 * n), positive] / e.sum(dim=1)
    return float(-torch.log(prob).mean())
