"""Wrong: takes the max of the two surrogate terms instead of the min."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """An optimistic bound: it rewards exactly the large steps the clip should stop."""
    ratio = torch.exp(new_logp - old_logp)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return float(-torch.maximum(unclipped, clipped).mean())
