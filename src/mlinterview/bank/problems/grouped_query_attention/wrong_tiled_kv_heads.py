"""Wrong: tiles the kv heads with repeat, so query head h reads kv head h % Hkv."""

import math

import torch


def grouped_query_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, causal: bool
) -> torch.Tensor:
    """k.repeat(1, group, 1, 1) tiles the kv heads: right only for Hkv = 1 or Hkv = Hq."""
    q_heads, tokens, d = q.shape[1:]
    kv_heads, keys = k.shape[1], k.shape[2]
    group = q_heads // kv_heads
    k, v = k.repeat(1, group, 1, 1), v.repeat(1, group, 1, 1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if causal:
        rows = torch.arange(tokens)[:, None] + (keys - tokens)
        allowed = torch.arange(keys)[None, :] <= rows
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
