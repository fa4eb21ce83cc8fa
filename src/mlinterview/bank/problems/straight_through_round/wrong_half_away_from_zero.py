"""Wrong: rounds halves away from zero (C's round) instead of to the nearest even integer."""

from typing import Any

import torch


class RoundSTE(torch.autograd.Function):
    """sign(x) * floor(|x| + 0.5): 0.5 -> 1 and -2.5 -> -3, where torch.round gives 0 and -2."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
        return torch.sign(x) * torch.floor(x.abs() + 0.5)

    @staticmethod
    def backward(ctx: Any, grad_output: torch.Tensor) -> torch.Tensor:
        return grad_output


def straight_through_round(x: torch.Tensor, grad_out: torch.Tensor) -> dict[str, torch.Tensor]:
    """Right gradient, wrong tie rule in the forward pass."""
    leaf = x.detach().clone().requires_grad_(True)
    y = RoundSTE.apply(leaf)
    y.backward(grad_out)
    assert leaf.grad is not None
    return {"y": y.detach(), "grad_x": leaf.grad}
