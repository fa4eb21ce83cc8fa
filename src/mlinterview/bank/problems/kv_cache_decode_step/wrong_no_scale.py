"""Wrong: forgets to divide the scores by sqrt(d)."""

import torch


def kv_cache_decode_step(
    q: torch.Tensor,
    k_new: torch.Tensor,
    v_new: torch.Tensor,
    k_cache: torch.Tensor,
    v_cache: torch.Tensor,
) -> dict[str, torch.Tensor]:
    """Right for d = 1 only: the softmax is sharper than in training."""
    batch, heads, _, d = q.shape
    k_cache = k_cache.reshape(batch, heads, k_cache.shape[2], d)
    v_cache = v_cache.reshape(batch, heads, v_cache.shape[2], d)
    keys = torch.cat([k_cache, k_new], dim=2)
    values = torch.cat([v_cache, v_new], dim=2)
    weights = torch.softmax(q @ keys.transpose(-2, -1), dim=-1)
    return {"out": weights @ values, "k_cache": keys, "v_cache": values}
