"""Reference: forward and hand-written backward pass of a one-hidden-layer ReLU MLP with MSE."""

import torch


def mlp_manual_backward(
    x: torch.Tensor,
    y: torch.Tensor,
    w1: torch.Tensor,
    b1: torch.Tensor,
    w2: torch.Tensor,
    b2: torch.Tensor,
) -> dict[str, object]:
    """Chain rule layer by layer; the ReLU passes gradient only where its input is > 0."""
    z1 = x @ w1.T + b1
    h = torch.relu(z1)
    out = h @ w2.T + b2
    diff = out - y
    loss = diff.pow(2).mean()
    grad_out = 2.0 * diff / diff.numel()  # the mean runs over all N * D_out elements
    grad_w2 = grad_out.T @ h
    grad_b2 = grad_out.sum(dim=0)
    grad_z1 = (grad_out @ w2) * (z1 > 0).to(x.dtype)
    return {
        "loss": float(loss),
        "grad_w1": grad_z1.T @ x,
        "grad_b1": grad_z1.sum(dim=0),
        "grad_w2": grad_w2,
        "grad_b2": grad_b2,
    }
