"""Wrong: predicts shape (N, 1) against targets (N,), so the loss broadcasts to an (N, N) matrix."""

import torch


def sgd_training_loop(
    x: torch.Tensor, y: torch.Tensor, steps: int, lr: float, momentum: float = 0.0
) -> dict[str, object]:
    """The nn.Linear(D, 1) trap: the mean over all N * N pairs (pred_i - y_j)^2; right for N = 1."""
    w = torch.zeros(x.shape[1], dtype=x.dtype, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, requires_grad=True)
    optimiser = torch.optim.SGD([w, b], lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        optimiser.zero_grad()
        loss = (x @ w.unsqueeze(1) + b - y).pow(2).mean()
        losses.append(loss.item())
        loss.backward()
        optimiser.step()
    return {"w": w.detach(), "b": b.item(), "losses": losses}
