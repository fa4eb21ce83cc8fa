"""Wrong: returns the surrogate objective itself, not its negative (the loss to minimise)."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """Gradient descent on this would push the policy away from good actions."""
    ratio = torch.exp(new_logp - old_logp)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return float(torch.minimum(unclipped, clipped).mean())
