"""Wrong: uses torch.round under plain autograd, whose derivative is zero almost everywhere."""

import torch


def straight_through_round(x: torch.Tensor, grad_out: torch.Tensor) -> dict[str, torch.Tensor]:
    """No straight-through estimator: x.grad comes back all zeros, so nothing upstream learns."""
    leaf = x.detach().clone().requires_grad_(True)
    y = torch.round(leaf)
    y.backward(grad_out)
    assert leaf.grad is not None
    return {"y": y.detach(), "grad_x": leaf.grad}
