"""Wrong: applies the decoupled decay to the already updated parameters."""

import math

import torch


def adamw_step(
    param: torch.Tensor,
    grad: torch.Tensor,
    exp_avg: torch.Tensor,
    exp_avg_sq: torch.Tensor,
    step: int,
    lr: float = 1e-3,
    betas: list[float] = [0.9, 0.999],  # noqa: B006 - read only, mirrors the statement
    eps: float = 1e-8,
    weight_decay: float = 1e-2,
) -> dict[str, torch.Tensor]:
    """Decays p - update instead of p, so the update itself is shrunk by lr * weight_decay too."""
    beta1, beta2 = betas
    exp_avg = beta1 * exp_avg + (1.0 - beta1) * grad
    exp_avg_sq = beta2 * exp_avg_sq + (1.0 - beta2) * grad * grad
    bias_correction1 = 1.0 - beta1**step
    bias_correction2 = 1.0 - beta2**step
    denom = exp_avg_sq.sqrt() / math.sqrt(bias_correction2) + eps
    param = param - (lr / bias_correction1) * exp_avg / denom
    param = param * (1.0 - lr * weight_decay)
    return {"param": param, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
