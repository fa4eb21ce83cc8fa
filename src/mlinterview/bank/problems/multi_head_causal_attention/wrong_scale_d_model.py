"""Wrong: scales the scores by sqrt(d_model) instead of sqrt(d_head)."""

import math

import torch


def multi_head_causal_attention(
    x: torch.Tensor, w_qkv: torch.Tensor, w_out: torch.Tensor, n_heads: int
) -> torch.Tensor:
    """Right with one head only: with several heads the softmax is too flat."""
    batch, tokens, d_model = x.shape
    d_head = d_model // n_heads
    q, k, v = (x @ w_qkv).split(d_model, dim=-1)

    def heads(t: torch.Tensor) -> torch.Tensor:
        return t.reshape(batch, tokens, n_heads, d_head).transpose(1, 2)

    q, k, v = heads(q), heads(k), heads(v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_model)
    future = torch.ones(tokens, tokens, dtype=torch.bool).triu(diagonal=1)
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    return (weights @ v).transpose(1, 2).reshape(batch, tokens, d_model) @ w_out
