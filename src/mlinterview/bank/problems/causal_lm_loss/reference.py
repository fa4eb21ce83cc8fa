"""Reference next-token loss: logits at t predict tokens[t + 1]; pad targets are not counted."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """Token-level mean over every counted target in the batch."""
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = tokens[:, 1:]
    counted = targets != pad_id
    picked = log_probs.gather(-1, targets.clamp(0, logits.shape[-1] - 1).unsqueeze(-1)).squeeze(-1)
    return float(-(picked * counted).sum() / counted.sum())
