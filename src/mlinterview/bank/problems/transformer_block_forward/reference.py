"""Reference pre-LN transformer block (GPT-2 layout): causal multi-head attention, GELU MLP."""

import math

import torch


def _layer_norm(x: torch.Tensor, gain: torch.Tensor, shift: torch.Tensor) -> torch.Tensor:
    mean = x.mean(dim=-1, keepdim=True)
    var = (x - mean).pow(2).mean(dim=-1, keepdim=True)  # biased, as nn.LayerNorm
    return (x - mean) / torch.sqrt(var + 1e-5) * gain + shift


def _attention(
    x: torch.Tensor, w_qkv: torch.Tensor, w_out: torch.Tensor, n_heads: int
) -> torch.Tensor:
    batch, tokens, d_model = x.shape
    d_head = d_model // n_heads
    q, k, v = (
        t.reshape(batch, tokens, n_heads, d_head).transpose(1, 2)
        for t in (x @ w_qkv).split(d_model, dim=-1)
    )
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)
    future = torch.ones(tokens, tokens, dtype=torch.bool).triu(diagonal=1)
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    return (weights @ v).transpose(1, 2).reshape(batch, tokens, d_model) @ w_out


def _gelu(x: torch.Tensor) -> torch.Tensor:
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def transformer_block_forward(
    x: torch.Tensor,
    ln1_g: torch.Tensor,
    ln1_b: torch.Tensor,
    w_qkv: torch.Tensor,
    w_out: torch.Tensor,
    ln2_g: torch.Tensor,
    ln2_b: torch.Tensor,
    w1: torch.Tensor,
    b1: torch.Tensor,
    w2: torch.Tensor,
    b2: torch.Tensor,
    n_heads: int,
) -> torch.Tensor:
    """Each sublayer reads a normalised copy; the residual stream itself is never normalised."""
    h = x + _attention(_layer_norm(x, ln1_g, ln1_b), w_qkv, w_out, n_heads)
    return h + _gelu(_layer_norm(h, ln2_g, ln2_b) @ w1 + b1) @ w2 + b2
