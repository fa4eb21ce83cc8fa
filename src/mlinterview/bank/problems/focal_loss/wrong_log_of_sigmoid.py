"""Wrong: takes the cross-entropy as -log(p_t) of the sigmoid, which overflows for large logits."""

import torch


def focal_loss(
    logits: torch.Tensor, targets: torch.Tensor, alpha: float = 0.25, gamma: float = 2.0
) -> float:
    """sigmoid(40) rounds to 1.0, so log(1 - p) is -inf on the wrong side of a confident logit."""
    p = torch.sigmoid(logits)
    p_t = p * targets + (1.0 - p) * (1.0 - targets)
    ce = -torch.log(p_t)
    loss = ce * (1.0 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * targets + (1.0 - alpha) * (1.0 - targets)) * loss
    return float(loss.mean())
