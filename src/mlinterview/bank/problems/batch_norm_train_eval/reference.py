"""Reference: nn.BatchNorm1d from a fresh state, one training batch, then one batch in eval mode."""

import torch


def _channel_view(t: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Reshape a per-channel (C,) tensor to broadcast against (N, C) or (N, C, L)."""
    return t.reshape(1, -1, *([1] * (x.dim() - 2)))


def batch_norm_train_eval(
    x_train: torch.Tensor,
    x_eval: torch.Tensor,
    gamma: torch.Tensor,
    beta: torch.Tensor,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> dict[str, torch.Tensor]:
    """Statistics per channel over every axis except 1; running stats start at 0 and 1."""
    dims = [0, *range(2, x_train.dim())]
    n = x_train.numel() // x_train.shape[1]
    mean = x_train.mean(dim=dims)
    var = (x_train - _channel_view(mean, x_train)).pow(2).mean(dim=dims)  # biased, two-pass
    train_out = (x_train - _channel_view(mean, x_train)) / torch.sqrt(
        _channel_view(var, x_train) + eps
    ) * _channel_view(gamma, x_train) + _channel_view(beta, x_train)
    running_mean = (1.0 - momentum) * torch.zeros_like(mean) + momentum * mean
    running_var = (1.0 - momentum) * torch.ones_like(var) + momentum * var * n / (n - 1)
    eval_out = (x_eval - _channel_view(running_mean, x_eval)) / torch.sqrt(
        _channel_view(running_var, x_eval) + eps
    ) * _channel_view(gamma, x_eval) + _channel_view(beta, x_eval)
    return {
        "train_out": train_out,
        "eval_out": eval_out,
        "running_mean": running_mean,
        "running_var": running_var,
    }
