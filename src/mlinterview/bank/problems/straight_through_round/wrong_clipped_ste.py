"""Wrong: a clipped straight-through estimator that zeroes the gradient where |x| > 1."""

from typing import Any

import torch


class RoundSTE(torch.autograd.Function):
    """The hardtanh variant of the estimator; the task asks for the identity everywhere."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x)
        return torch.round(x)

    @staticmethod
    def backward(ctx: Any, grad_output: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad_output * (x.abs() <= 1.0).to(grad_output.dtype)


def straight_through_round(x: torch.Tensor, grad_out: torch.Tensor) -> dict[str, torch.Tensor]:
    """Large inputs get no gradient at all."""
    leaf = x.detach().clone().requires_grad_(True)
    y = RoundSTE.apply(leaf)
    y.backward(grad_out)
    assert leaf.grad is not None
    return {"y": y.detach(), "grad_x": leaf.grad}
