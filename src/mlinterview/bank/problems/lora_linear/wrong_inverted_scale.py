"""Wrong: scales the adapter by r / alpha instead of alpha / r."""

import torch


def lora_linear(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    lora_a: torch.Tensor,
    lora_b: torch.Tensor,
    alpha: float,
) -> torch.Tensor:
    """Right only when alpha = r: the scale is inverted."""
    scale = lora_a.shape[0] / alpha
    return x @ weight.T + bias + scale * ((x @ lora_a.T) @ lora_b.T)
