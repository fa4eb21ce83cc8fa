"""Wrong: aligns the causal mask to the start (tril of a T x S matrix), not to the end."""

import math

import torch


def grouped_query_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, causal: bool
) -> torch.Tensor:
    """Right only when S = T: with a cached prefix, queries miss the keys they may see."""
    q_heads, tokens, d = q.shape[1:]
    kv_heads, keys = k.shape[1], k.shape[2]
    group = q_heads // kv_heads
    k, v = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if causal:
        allowed = torch.ones(tokens, keys, dtype=torch.bool).tril()
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
