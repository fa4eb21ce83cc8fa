"""Wrong: divides the log-probabilities (new_logp / old_logp) instead of exp of their difference."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """The quotient of two log-probs is no probability ratio (it is 1 only when they are equal)."""
    ratio = new_logp / old_logp
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return float(-torch.minimum(unclipped, clipped).mean())
