"""Wrong: rounds with floor(x + 0.5), so halves always go up instead of to the even integer."""

from typing import Any

import torch


class RoundSTE(torch.autograd.Function):
    """The straight-through backward is right; the forward's tie rule is not torch.round's."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
        return torch.floor(x + 0.5)

    @staticmethod
    def backward(ctx: Any, grad_output: torch.Tensor) -> torch.Tensor:
        return grad_output


def straight_through_round(x: torch.Tensor, grad_out: torch.Tensor) -> dict[str, torch.Tensor]:
    """0.5 -> 1, 2.5 -> 3 and -1.5 -> -1, where round half to even gives 0, 2 and -2."""
    leaf = x.detach().clone().requires_grad_(True)
    y = RoundSTE.apply(leaf)
    y.backward(grad_out)
    assert leaf.grad is not None
    return {"y": y.detach(), "grad_x": leaf.grad}
