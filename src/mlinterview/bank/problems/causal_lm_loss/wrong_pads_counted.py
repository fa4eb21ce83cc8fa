"""Wrong: counts every target, padding included."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """The model is trained (and measured) on predicting padding."""
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = tokens[:, 1:].clamp(0, logits.shape[-1] - 1)
    return float(-log_probs.gather(-1, targets.unsqueeze(-1)).mean())
