"""Wrong: takes min(r, clip(r)) before multiplying by the advantage."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """Equal to the right loss for positive advantages only; a negative one flips the min."""
    ratio = torch.exp(new_logp - old_logp)
    low_ratio = torch.minimum(ratio, torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps))
    return float(-(low_ratio * advantages).mean())
