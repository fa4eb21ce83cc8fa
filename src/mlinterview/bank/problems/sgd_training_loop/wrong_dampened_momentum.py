"""Wrong: momentum as an average, buf = m * buf + (1 - m) * grad, not buf = m * buf + grad."""

import torch


def sgd_training_loop(
    x: torch.Tensor, y: torch.Tensor, steps: int, lr: float, momentum: float = 0.0
) -> dict[str, object]:
    """The 'exponential average' form: steps (1 - m) times those of torch.optim.SGD."""
    w = torch.zeros(x.shape[1], dtype=x.dtype, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, requires_grad=True)
    buffers = [torch.zeros_like(w), torch.zeros_like(b)]
    losses = []
    for _ in range(steps):
        loss = (x @ w + b - y).pow(2).mean()
        losses.append(loss.item())
        grad_w, grad_b = torch.autograd.grad(loss, [w, b])
        with torch.no_grad():
            for param, grad, buf in zip([w, b], [grad_w, grad_b], buffers, strict=True):
                buf.mul_(momentum).add_(grad, alpha=1.0 - momentum)
                param.sub_(lr * buf)
    return {"w": w.detach(), "b": b.item(), "losses": losses}
