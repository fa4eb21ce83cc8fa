"""Reference: full-batch training of a linear model with MSE and torch.optim.SGD."""

import torch


def sgd_training_loop(
    x: torch.Tensor, y: torch.Tensor, steps: int, lr: float, momentum: float = 0.0
) -> dict[str, object]:
    """zero_grad, forward, record the loss, backward, step; the loss is taken before the step."""
    w = torch.zeros(x.shape[1], dtype=x.dtype, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, requires_grad=True)
    optimiser = torch.optim.SGD([w, b], lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        optimiser.zero_grad()
        loss = (x @ w + b - y).pow(2).mean()
        losses.append(loss.item())
        loss.backward()
        optimiser.step()
    return {"w": w.detach(), "b": b.item(), "losses": losses}
