"""Wrong: masks positions whose input token is padding instead of whose target is."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """The last real token's prediction of a pad is counted, and a left-padded first target lost."""
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = tokens[:, 1:]
    counted = tokens[:, :-1] != pad_id
    picked = log_probs.gather(-1, targets.clamp(0, logits.shape[-1] - 1).unsqueeze(-1)).squeeze(-1)
    return float(-(picked * counted).sum() / counted.sum())
