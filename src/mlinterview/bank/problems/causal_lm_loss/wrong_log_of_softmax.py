"""Wrong: takes log(softmax(...)), which gives log(0) = -inf for logits of +-1e4."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """A target whose probability underflows to 0 makes the loss infinite (or nan)."""
    probs = torch.softmax(logits[:, :-1], dim=-1)
    targets = tokens[:, 1:]
    counted = targets != pad_id
    picked = probs.gather(-1, targets.clamp(0, logits.shape[-1] - 1).unsqueeze(-1)).squeeze(-1)
    return float(-(torch.log(picked) * counted).sum() / counted.sum())
