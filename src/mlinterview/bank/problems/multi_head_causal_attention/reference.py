"""Reference multi-head causal self-attention: fused QKV projection, per-head softmax, W_out."""

import math

import torch


def multi_head_causal_attention(
    x: torch.Tensor, w_qkv: torch.Tensor, w_out: torch.Tensor, n_heads: int
) -> torch.Tensor:
    """Heads take contiguous column blocks of q, k and v; position i sees positions <= i."""
    batch, tokens, d_model = x.shape
    d_head = d_model // n_heads
    q, k, v = (x @ w_qkv).split(d_model, dim=-1)

    def heads(t: torch.Tensor) -> torch.Tensor:
        return t.reshape(batch, tokens, n_heads, d_head).transpose(1, 2)

    q, k, v = heads(q), heads(k), heads(v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)
    future = torch.ones(tokens, tokens, dtype=torch.bool).triu(diagonal=1)
    scores = scores.masked_fill(future, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    merged = (weights @ v).transpose(1, 2).reshape(batch, tokens, d_model)
    return merged @ w_out
