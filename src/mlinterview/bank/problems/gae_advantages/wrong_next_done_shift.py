"""Wrong: cuts step t with dones[t + 1] (a next-done convention), one step too late."""

import torch


def gae_advantages(
    rewards: torch.Tensor,
    values: torch.Tensor,
    dones: torch.Tensor,
    last_value: torch.Tensor,
    gamma: float,
    lam: float,
) -> dict[str, torch.Tensor]:
    """Reads the flag of the following step, so the reward at an episode end bootstraps on."""
    steps = rewards.shape[0]
    not_done = 1.0 - dones.to(rewards.dtype)
    advantages = torch.zeros_like(rewards)
    next_value = last_value
    next_advantage = torch.zeros_like(last_value)
    for t in range(steps - 1, -1, -1):
        mask = not_done[t + 1] if t + 1 < steps else torch.ones_like(last_value)
        delta = rewards[t] + gamma * next_value * mask - values[t]
        next_advantage = delta + gamma * lam * mask * next_advantage
        advantages[t] = next_advantage
        next_value = values[t]
    return {"advantages": advantages, "returns": advantages + values}
