"""Wrong: multiplies every element by alpha, also the negatives, which should get 1 - alpha."""

import torch
import torch.nn.functional as F


def focal_loss(
    logits: torch.Tensor, targets: torch.Tensor, alpha: float = 0.25, gamma: float = 2.0
) -> float:
    """A single constant factor: it rescales the loss but no longer balances the classes."""
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = p * targets + (1.0 - p) * (1.0 - targets)
    loss = ce * (1.0 - p_t) ** gamma
    if alpha >= 0:
        loss = alpha * loss
    return float(loss.mean())
