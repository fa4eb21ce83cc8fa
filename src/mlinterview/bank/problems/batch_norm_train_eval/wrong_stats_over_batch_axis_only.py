"""Wrong: statistics over axis 0 only, so a (N, C, L) input gets one per (channel, position)."""

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
    """Right for (N, C) input; for (N, C, L) BatchNorm1d also averages over the length axis L."""
    n = x_train.shape[0]
    mean = x_train.mean(dim=0, keepdim=True)
    var = (x_train - mean).pow(2).mean(dim=0, keepdim=True)
    train_out = (x_train - mean) / torch.sqrt(var + eps) * _channel_view(
        gamma, x_train
    ) + _channel_view(beta, x_train)
    # one value per channel for the running statistics: average the per-position ones
    mean_c = mean.reshape(mean.shape[1], -1).mean(dim=-1)
    var_c = var.reshape(var.shape[1], -1).mean(dim=-1)
    running_mean = momentum * mean_c
    running_var = (1.0 - momentum) + momentum * var_c * n / (n - 1)
    eval_out = (x_eval - _channel_view(running_mean, x_eval)) / torch.sqrt(
        _channel_view(running_var, x_eval) + eps
    ) * _channel_view(gamma, x_eval) + _channel_view(beta, x_eval)
    return {
        "train_out": train_out,
        "eval_out": eval_out,
        "running_mean": running_mean,
        "running_var": running_var,
    }
