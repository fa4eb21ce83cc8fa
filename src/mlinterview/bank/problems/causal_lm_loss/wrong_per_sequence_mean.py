"""Wrong: averages within each sequence first, then over the batch."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """Equal to the token-level mean only when every sequence has the same number of targets."""
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = tokens[:, 1:]
    counted = targets != pad_id
    picked = log_probs.gather(-1, targets.clamp(0, logits.shape[-1] - 1).unsqueeze(-1)).squeeze(-1)
    per_sequence = -(picked * counted).sum(dim=1) / counted.sum(dim=1)
    return float(per_sequence[counted.any(dim=1)].mean())
