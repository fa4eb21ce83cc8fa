"""Wrong: leaves lam out of the recursion (A_t = delta_t + gamma A_{t+1})."""

import torch


def gae_advantages(
    rewards: torch.Tensor,
    values: torch.Tensor,
    dones: torch.Tensor,
    last_value: torch.Tensor,
    gamma: float,
    lam: float,
) -> dict[str, torch.Tensor]:
    """That is GAE with lam = 1 whatever lam is given: a Monte-Carlo advantage."""
    steps = rewards.shape[0]
    not_done = 1.0 - dones.to(rewards.dtype)
    advantages = torch.zeros_like(rewards)
    next_value = last_value
    next_advantage = torch.zeros_like(last_value)
    for t in range(steps - 1, -1, -1):
        delta = rewards[t] + gamma * next_value * not_done[t] - values[t]
        next_advantage = delta + gamma * not_done[t] * next_advantage
        advantages[t] = next_advantage
        next_value = values[t]
    return {"advantages": advantages, "returns": advantages + values}
