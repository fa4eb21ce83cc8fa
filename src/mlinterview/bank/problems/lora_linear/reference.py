"""Reference LoRA linear layer: frozen x W^T + b plus the low-rank update scaled by alpha / r."""

import torch


def lora_linear(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    lora_a: torch.Tensor,
    lora_b: torch.Tensor,
    alpha: float,
) -> torch.Tensor:
    """The adapter path goes through the rank-r bottleneck; W + s B A is never formed."""
    scale = alpha / lora_a.shape[0]
    return x @ weight.T + bias + scale * ((x @ lora_a.T) @ lora_b.T)
