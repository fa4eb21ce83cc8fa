"""Wrong: attends over the old cache only and appends the new key/value afterwards."""

import math

import torch


def kv_cache_decode_step(
    q: torch.Tensor,
    k_new: torch.Tensor,
    v_new: torch.Tensor,
    k_cache: torch.Tensor,
    v_cache: torch.Tensor,
) -> dict[str, torch.Tensor]:
    """The token cannot see itself; with an empty cache the output is all zeros."""
    batch, heads, _, d = q.shape
    k_cache = k_cache.reshape(batch, heads, k_cache.shape[2], d)
    v_cache = v_cache.reshape(batch, heads, v_cache.shape[2], d)
    weights = torch.softmax(q @ k_cache.transpose(-2, -1) / math.sqrt(d), dim=-1)
    out = weights @ v_cache
    return {
        "out": out,
        "k_cache": torch.cat([k_cache, k_new], dim=2),
        "v_cache": torch.cat([v_cache, v_new], dim=2),
    }
