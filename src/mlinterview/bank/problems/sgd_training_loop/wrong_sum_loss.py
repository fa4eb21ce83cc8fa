"""Wrong: sums the squared errors instead of averaging them, so every step is N times too large."""

import torch


def sgd_training_loop(
    x: torch.Tensor, y: torch.Tensor, steps: int, lr: float, momentum: float = 0.0
) -> dict[str, object]:
    """Reports the sum as the loss and steps with N times the gradient of the mean."""
    w = torch.zeros(x.shape[1], dtype=x.dtype, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, requires_grad=True)
    optimiser = torch.optim.SGD([w, b], lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        optimiser.zero_grad()
        loss = (x @ w + b - y).pow(2).sum()
        losses.append(loss.item())
        loss.backward()
        optimiser.step()
    return {"w": w.detach(), "b": b.item(), "losses": losses}
