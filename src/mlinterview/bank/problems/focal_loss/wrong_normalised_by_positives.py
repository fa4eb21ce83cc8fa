"""Wrong: divides the summed loss by the number of positives instead of taking the mean."""

import torch
import torch.nn.functional as F


def focal_loss(
    logits: torch.Tensor, targets: torch.Tensor, alpha: float = 0.25, gamma: float = 2.0
) -> float:
    """RetinaNet divides by its positive anchors; this task asks for the mean over all elements."""
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = p * targets + (1.0 - p) * (1.0 - targets)
    loss = ce * (1.0 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * targets + (1.0 - alpha) * (1.0 - targets)) * loss
    return float(loss.sum() / targets.sum())
