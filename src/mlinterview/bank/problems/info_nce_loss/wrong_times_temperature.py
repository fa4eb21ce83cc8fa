"""Wrong: multiplies the similarities by the temperature instead of dividing."""

import torch


def info_nce_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float) -> float:
    """Equal at temperature 1 only; a small temperature should sharpen, this flattens."""
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    z = z / z.norm(dim=1, keepdim=True)
    logits = z @ z.T * temperature
    logits = logits.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    positive = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    log_prob = torch.log_softmax(logits, dim=1)
    return float(-log_prob[torch.arange(2 * n), positive].mean())
