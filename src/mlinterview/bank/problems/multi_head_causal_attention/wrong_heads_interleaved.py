"""Wrong: splits the width as (d_head, n_heads), so a head takes every n_heads-th column."""

import math

import torch


def multi_head_causal_attention(
    x: torch.Tensor, w_qkv: torch.Tensor, w_out: torch.Tensor, n_heads: int
) -> torch.Tensor:
    """reshape(B, T, d_head, n_heads): strided heads instead of contiguous blocks."""
    batch, tokens, d_model = x.shape
    d_head = d_model // n_heads
    q, k, v = (x @ w_qkv).split(d_model, dim=-1)

    def heads(t: torch.Tensor) -> torch.Tensor:
        return t.reshape(batch, tokens, d_head, n_heads).permute(0, 3, 1, 2)

    q, k, v = heads(q), heads(k), heads(v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)
    future = torch.ones(tokens, tokens, dtype=torch.bool).triu(diagonal=1)
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    merged = (weights @ v).permute(0, 2, 3, 1).reshape(batch, tokens, d_model)
    return merged @ w_out
