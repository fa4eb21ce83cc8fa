"""Wrong: scores logits[:, t] against tokens[:, t], the token the model already sees."""

import torch


def causal_lm_loss(logits: torch.Tensor, tokens: torch.Tensor, pad_id: int) -> float:
    """Without the shift the model is asked to copy its input, not to predict the next token."""
    log_probs = torch.log_softmax(logits, dim=-1)
    counted = tokens != pad_id
    picked = log_probs.gather(-1, tokens.clamp(0, logits.shape[-1] - 1).unsqueeze(-1)).squeeze(-1)
    return float(-(picked * counted).sum() / counted.sum())
