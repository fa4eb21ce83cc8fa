"""Wrong: shifts the wrong way, scoring logits[:, t + 1] against tokens[:, t]."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """Predicts the previous token from the next position."""
    log_probs = torch.log_softmax(logits[:, 1:], dim=-1)
    targets = tokens[:, :-1]
    counted = targets != pad_id
    picked = log_probs.gather(-1, targets.clamp(0, logits.shape[-1] - 1).unsqueeze(-1)).squeeze(-1)
    return float(-(picked * counted).sum() / counted.sum())
