"""Wrong: never calls zero_grad, so each backward adds to the gradients of all earlier steps."""

import torch


def sgd_training_loop(
    x: torch.Tensor, y: torch.Tensor, steps: int, lr: float, momentum: float = 0.0
) -> dict[str, object]:
    """Step 1 is right; from step 2 on the update uses the sum of all gradients so far."""
    w = torch.zeros(x.shape[1], dtype=x.dtype, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, requires_grad=True)
    optimiser = torch.optim.SGD([w, b], lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        loss = (x @ w + b - y).pow(2).mean()
        losses.append(loss.item())
        loss.backward()
        optimiser.step()
    return {"w": w.detach(), "b": b.item(), "losses": losses}
