"""Wrong: uses only the clipped term, dropping the min with the unclipped one."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """Right inside the clip range; outside it, the pessimistic unclipped term is lost."""
    ratio = torch.exp(new_logp - old_logp)
    return float(-(torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages).mean())
