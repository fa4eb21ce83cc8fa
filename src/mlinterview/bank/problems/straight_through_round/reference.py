"""Reference: a custom autograd Function that rounds forward and passes the gradient through."""

from typing import Any

import torch


class RoundSTE(torch.autograd.Function):
    """Straight-through estimator: forward is torch.round, backward is the identity."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
        return torch.round(x)  # round half to even

    @staticmethod
    def backward(ctx: Any, grad_output: torch.Tensor) -> torch.Tensor:
        return grad_output


def straight_through_round(x: torch.Tensor, grad_out: torch.Tensor) -> dict[str, torch.Tensor]:
    """Runs the function on a leaf copy of x and reads x.grad after y.backward(grad_out)."""
    leaf = x.detach().clone().requires_grad_(True)
    y = RoundSTE.apply(leaf)
    y.backward(grad_out)
    assert leaf.grad is not None
    return {"y": y.detach(), "grad_x": leaf.grad}
