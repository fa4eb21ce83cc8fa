"""Wrong: keeps each anchor's similarity with itself in the softmax denominator."""

import torch


def info_nce_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float) -> float:
    """Self-similarity is the largest logit (1 / temperature), so the loss never gets small."""
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    z = z / z.norm(dim=1, keepdim=True)
    logits = z @ z.T / temperature
    positive = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    log_prob = torch.log_softmax(logits, dim=1)
    return float(-log_prob[torch.arange(2 * n), positive].mean())
