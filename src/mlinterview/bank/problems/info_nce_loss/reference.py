"""Reference NT-Xent (SimCLR): 2N anchors, cosine similarities, self excluded, mean over anchors."""

import torch


def info_nce_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float) -> float:
    """Row i of z1 and row i of z2 are the two views of sample i; every other row is a negative."""
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    z = z / z.norm(dim=1, keepdim=True)
    logits = z @ z.T / temperature
    self_mask = torch.eye(2 * n, dtype=torch.bool)
    logits = logits.masked_fill(self_mask, float("-inf"))
    positive = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    log_prob = torch.log_softmax(logits, dim=1)
    return float(-log_prob[torch.arange(2 * n), positive].mean())
