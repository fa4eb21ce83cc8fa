"""Reference grouped-query attention: query head h reads kv head h // (Hq / Hkv)."""

import math

import torch


def grouped_query_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, causal: bool
) -> torch.Tensor:
    """Causal rows are aligned to the end: query i is position i + S - T among the keys."""
    q_heads, tokens, d = q.shape[1:]
    kv_heads, keys = k.shape[1], k.shape[2]
    group = q_heads // kv_heads
    k, v = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if causal:
        rows = torch.arange(tokens)[:, None] + (keys - tokens)
        allowed = torch.arange(keys)[None, :] <= rows
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
