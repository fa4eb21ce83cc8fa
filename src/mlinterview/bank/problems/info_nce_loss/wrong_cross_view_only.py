"""Wrong: CLIP-style N x N logits between the two views, losing same-view negatives."""

import torch


def info_nce_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float) -> float:
    """Symmetric cross-entropy on z1 z2^T: the other samples' first views are never negatives."""
    a = z1 / z1.norm(dim=1, keepdim=True)
    b = z2 / z2.norm(dim=1, keepdim=True)
    logits = a @ b.T / temperature
    labels = torch.arange(z1.shape[0])
    loss_a = torch.nn.functional.cross_entropy(logits, labels)
    loss_b = torch.nn.functional.cross_entropy(logits.T, labels)
    return float((loss_a + loss_b) / 2)
