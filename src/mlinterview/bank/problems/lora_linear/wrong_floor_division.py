"""Wrong: computes the scale with integer division alpha // r."""

import torch


def lora_linear(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    lora_a: torch.Tensor,
    lora_b: torch.Tensor,
    alpha: float,
) -> torch.Tensor:
    """16 // 3 is 5, not 5.333: right only when r divides alpha."""
    scale = alpha // lora_a.shape[0]
    return x @ weight.T + bias + scale * ((x @ lora_a.T) @ lora_b.T)
