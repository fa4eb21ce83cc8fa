"""Wrong: reads the fused projection as per-head [q | k | v] blocks instead of [Q | K | V]."""

import math

import torch


def multi_head_causal_attention(
    x: torch.Tensor, w_qkv: torch.Tensor, w_out: torch.Tensor, n_heads: int
) -> torch.Tensor:
    """reshape(B, T, n_heads, 3, d_head): the layout of some fused kernels, not this one."""
    batch, tokens, d_model = x.shape
    d_head = d_model // n_heads
    qkv = (x @ w_qkv).reshape(batch, tokens, n_heads, 3, d_head).permute(3, 0, 2, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)
    future = torch.ones(tokens, tokens, dtype=torch.bool).triu(diagonal=1)
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    return (weights @ v).transpose(1, 2).reshape(batch, tokens, d_model) @ w_out
