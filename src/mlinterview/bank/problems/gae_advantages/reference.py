"""Reference GAE: a backward sweep over time, cut at every episode end."""

import torch


def gae_advantages(
    rewards: torch.Tensor,
    values: torch.Tensor,
    dones: torch.Tensor,
    last_value: torch.Tensor,
    gamma: float,
    lam: float,
) -> dict[str, torch.Tensor]:
    """delta_t = r_t + gamma m_t V_{t+1} - V_t and A_t = delta_t + gamma lam m_t A_{t+1}."""
    steps = rewards.shape[0]
    not_done = 1.0 - dones.to(rewards.dtype)
    advantages = torch.zeros_like(rewards)
    next_value = last_value
    next_advantage = torch.zeros_like(last_value)
    for t in range(steps - 1, -1, -1):
        delta = rewards[t] + gamma * next_value * not_done[t] - values[t]
        next_advantage = delta + gamma * lam * not_done[t] * next_advantage
        advantages[t] = next_advantage
        next_value = values[t]
    return {"advantages": advantages, "returns": advantages + values}
