"""Wrong: gives alpha to the negatives and 1 - alpha to the positives."""

import torch
import torch.nn.functional as F


def focal_loss(
    logits: torch.Tensor, targets: torch.Tensor, alpha: float = 0.25, gamma: float = 2.0
) -> float:
    """With alpha = 0.25 this weights the (usually many) negatives down instead of the positives."""
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = p * targets + (1.0 - p) * (1.0 - targets)
    loss = ce * (1.0 - p_t) ** gamma
    if alpha >= 0:
        loss = ((1.0 - alpha) * targets + alpha * (1.0 - targets)) * loss
    return float(loss.mean())
