"""Wrong: puts the new key/value in front of the cache instead of at its end."""

import math

import torch


def kv_cache_decode_step(
    q: torch.Tensor,
    k_new: torch.Tensor,
    v_new: torch.Tensor,
    k_cache: torch.Tensor,
    v_cache: torch.Tensor,
) -> dict[str, torch.Tensor]:
    """The output is right (attention ignores key order); the caches are out of order."""
    batch, heads, _, d = q.shape
    k_cache = k_cache.reshape(batch, heads, k_cache.shape[2], d)
    v_cache = v_cache.reshape(batch, heads, v_cache.shape[2], d)
    keys = torch.cat([k_new, k_cache], dim=2)
    values = torch.cat([v_new, v_cache], dim=2)
    weights = torch.softmax(q @ keys.transpose(-2, -1) / math.sqrt(d), dim=-1)
    return {"out": weights @ values, "k_cache": keys, "v_cache": values}
