"""Wrong: reads the rank from lora_a.shape[1] (in_features) instead of lora_a.shape[0]."""

import torch


def lora_linear(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    lora_a: torch.Tensor,
    lora_b: torch.Tensor,
    alpha: float,
) -> torch.Tensor:
    """A (r, in) is stored rank-first, like an nn.Linear(in, r) weight."""
    scale = alpha / lora_a.shape[1]
    return x @ weight.T + bias + scale * ((x @ lora_a.T) @ lora_b.T)
