"""Reference PPO clipped surrogate loss: -mean(min(r A, clip(r, 1 - eps, 1 + eps) A))."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """The ratio comes from the log-prob difference; the min makes the objective pessimistic."""
    ratio = torch.exp(new_logp - old_logp)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return float(-torch.minimum(unclipped, clipped).mean())
