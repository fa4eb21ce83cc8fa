"""Wrong: averages over the N anchors of z1 only, not over all 2N views."""

import torch


def info_nce_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float) -> float:
    """Half of the anchors; the loss is not symmetric in z1 and z2 for the second half."""
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    z = z / z.norm(dim=1, keepdim=True)
    logits = z @ z.T / temperature
    logits = logits.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    log_prob = torch.log_softmax(logits[:n], dim=1)
    return float(-log_prob[torch.arange(n), torch.arange(n, 2 * n)].mean())
