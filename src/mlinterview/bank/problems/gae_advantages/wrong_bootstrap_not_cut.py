"""Wrong: cuts the advantage recursion at an episode end but still bootstraps V_{t+1}."""

import torch


def gae_advantages(
    rewards: torch.Tensor,
    values: torch.Tensor,
    dones: torch.Tensor,
    last_value: torch.Tensor,
    gamma: float,
    lam: float,
) -> dict[str, torch.Tensor]:
    """delta at the last step of an episode adds gamma times the next episode's first value."""
    steps = rewards.shape[0]
    not_done = 1.0 - dones.to(rewards.dtype)
    advantages = torch.zeros_like(rewards)
    next_value = last_value
    next_advantage = torch.zeros_like(last_value)
    for t in range(steps - 1, -1, -1):
        delta = rewards[t] + gamma * next_value - values[t]
        next_advantage = delta + gamma * lam * not_done[t] * next_advantage
        advantages[t] = next_advantage
        next_value = values[t]
    return {"advantages": advantages, "returns": advantages + values}
