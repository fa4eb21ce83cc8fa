"""Wrong: records the loss after the update instead of before it."""

import torch


def sgd_training_loop(
    x: torch.Tensor, y: torch.Tensor, steps: int, lr: float, momentum: float = 0.0
) -> dict[str, object]:
    """The list is shifted by one step: it never holds the loss of the initial all-zero model."""
    w = torch.zeros(x.shape[1], dtype=x.dtype, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, requires_grad=True)
    optimiser = torch.optim.SGD([w, b], lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        optimiser.zero_grad()
        loss = (x @ w + b - y).pow(2).mean()
        loss.backward()
        optimiser.step()
        with torch.no_grad():
            losses.append(float((x @ w + b - y).pow(2).mean()))
    return {"w": w.detach(), "b": b.item(), "losses": losses}
