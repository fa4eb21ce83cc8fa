"""Wrong: returns are the bootstrapped discounted reward sums, not advantages + values."""

import torch


def gae_advantages(
    rewards: torch.Tensor,
    values: torch.Tensor,
    dones: torch.Tensor,
    last_value: torch.Tensor,
    gamma: float,
    lam: float,
) -> dict[str, torch.Tensor]:
    """The two agree only for lam = 1; GAE's value targets are A + V (the lambda-return)."""
    steps = rewards.shape[0]
    not_done = 1.0 - dones.to(rewards.dtype)
    advantages = torch.zeros_like(rewards)
    returns = torch.zeros_like(rewards)
    next_value = last_value
    next_advantage = torch.zeros_like(last_value)
    next_return = last_value
    for t in range(steps - 1, -1, -1):
        delta = rewards[t] + gamma * next_value * not_done[t] - values[t]
        next_advantage = delta + gamma * lam * not_done[t] * next_advantage
        advantages[t] = next_advantage
        next_return = rewards[t] + gamma * not_done[t] * next_return
        returns[t] = next_return
        next_value = values[t]
    return {"advantages": advantages, "returns": returns}
