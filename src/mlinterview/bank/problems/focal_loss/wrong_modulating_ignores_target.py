"""Wrong: uses (1 - p)^gamma for every element, whatever its target."""

import torch
import torch.nn.functional as F


def focal_loss(
    logits: torch.Tensor, targets: torch.Tensor, alpha: float = 0.25, gamma: float = 2.0
) -> float:
    """Right for positives; for a negative the factor must be p^gamma, since p_t = 1 - p there."""
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    loss = ce * (1.0 - p) ** gamma
    if alpha >= 0:
        loss = (alpha * targets + (1.0 - alpha) * (1.0 - targets)) * loss
    return float(loss.mean())
