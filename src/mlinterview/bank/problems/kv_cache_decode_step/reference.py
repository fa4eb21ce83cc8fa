"""Reference KV-cache decoding step: append the new key/value, attend over the whole cache."""

import math

import torch


def kv_cache_decode_step(
    q: torch.Tensor,
    k_new: torch.Tensor,
    v_new: torch.Tensor,
    k_cache: torch.Tensor,
    v_cache: torch.Tensor,
) -> dict[str, torch.Tensor]:
    """No mask: the newest token may see every cached position and itself."""
    batch, heads, _, d = q.shape
    # An empty cache arrives as (B, H, 0): give it back its feature axis.
    k_cache = k_cache.reshape(batch, heads, k_cache.shape[2], d)
    v_cache = v_cache.reshape(batch, heads, v_cache.shape[2], d)
    keys = torch.cat([k_cache, k_new], dim=2)
    values = torch.cat([v_cache, v_new], dim=2)
    weights = torch.softmax(q @ keys.transpose(-2, -1) / math.sqrt(d), dim=-1)
    return {"out": weights @ values, "k_cache": keys, "v_cache": values}
