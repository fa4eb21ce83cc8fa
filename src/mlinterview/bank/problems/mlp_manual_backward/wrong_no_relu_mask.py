"""Wrong: forgets the ReLU in the backward pass, as if the hidden layer were linear."""

import torch


def mlp_manual_backward(
    x: torch.Tensor,
    y: torch.Tensor,
    w1: torch.Tensor,
    b1: torch.Tensor,
    w2: torch.Tensor,
    b2: torch.Tensor,
) -> dict[str, object]:
    """The forward pass applies the ReLU, the backward pass skips its mask."""
    z1 = x @ w1.T + b1
    h = torch.relu(z1)
    out = h @ w2.T + b2
    diff = out - y
    grad_out = 2.0 * diff / diff.numel()
    grad_z1 = grad_out @ w2
    return {
        "loss": float(diff.pow(2).mean()),
        "grad_w1": grad_z1.T @ x,
        "grad_b1": grad_z1.sum(dim=0),
        "grad_w2": grad_out.T @ h,
        "grad_b2": grad_out.sum(dim=0),
    }
