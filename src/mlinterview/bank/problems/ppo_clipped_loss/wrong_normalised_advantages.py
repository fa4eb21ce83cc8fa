"""Wrong: normalises the advantages to zero mean and unit std, which the task does not ask."""

import torch


def ppo_clipped_loss(
    new_logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, clip_eps: float
) -> float:
    """A habit from PPO training loops; here the advantages are to be used as given."""
    adv = advantages
    if adv.numel() > 1:
        adv = (adv - adv.mean()) / (adv.std() + 1e-8)
    ratio = torch.exp(new_logp - old_logp)
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * adv
    return float(-torch.minimum(unclipped, clipped).mean())
