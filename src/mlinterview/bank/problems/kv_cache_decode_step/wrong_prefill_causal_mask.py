"""Wrong: reuses the prefill causal mask tril(ones(1, T + 1)), so the query sees key 0 only."""

import math

import torch


def kv_cache_decode_step(
    q: torch.Tensor,
    k_new: torch.Tensor,
    v_new: torch.Tensor,
    k_cache: torch.Tensor,
    v_cache: torch.Tensor,
) -> dict[str, torch.Tensor]:
    """A mask aligned to the start, not the end: the new query is row 0, not row T."""
    batch, heads, _, d = q.shape
    k_cache = k_cache.reshape(batch, heads, k_cache.shape[2], d)
    v_cache = v_cache.reshape(batch, heads, v_cache.shape[2], d)
    keys = torch.cat([k_cache, k_new], dim=2)
    values = torch.cat([v_cache, v_new], dim=2)
    allowed = torch.ones(1, keys.shape[2], dtype=torch.bool).tril()
    scores = (q @ keys.transpose(-2, -1) / math.sqrt(d)).masked_fill(~allowed, float("-inf"))
    return {"out": torch.softmax(scores, dim=-1) @ values, "k_cache": keys, "v_cache": values}
