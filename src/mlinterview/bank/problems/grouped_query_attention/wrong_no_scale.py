"""Wrong: forgets to divide the scores by sqrt(d)."""

import torch


def grouped_query_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, causal: bool
) -> torch.Tensor:
    """Right for d = 1 only: the softmax is too sharp."""
    q_heads, tokens = q.shape[1], q.shape[2]
    kv_heads, keys = k.shape[1], k.shape[2]
    group = q_heads // kv_heads
    k, v = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
    scores = q @ k.transpose(-2, -1)
    if causal:
        rows = torch.arange(tokens)[:, None] + (keys - tokens)
        allowed = torch.arange(keys)[None, :] <= rows
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
