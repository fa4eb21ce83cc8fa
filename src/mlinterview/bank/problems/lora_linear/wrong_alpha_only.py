"""Wrong: scales the adapter by alpha instead of alpha / r."""

import torch


def lora_linear(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    lora_a: torch.Tensor,
    lora_b: torch.Tensor,
    alpha: float,
) -> torch.Tensor:
    """Right only when r = 1: a larger rank makes the update r times too strong."""
    scale = alpha
    return x @ weight.T + bias + scale * ((x @ lora_a.T) @ lora_b.T)
