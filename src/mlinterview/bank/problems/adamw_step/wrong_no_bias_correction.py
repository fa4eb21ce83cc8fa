"""Wrong: skips the bias correction of both moments."""

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
    """Early steps are far too small, since the moments start at zero."""
    beta1, beta2 = betas
    param = param * (1.0 - lr * weight_decay)
    exp_avg = beta1 * exp_avg + (1.0 - beta1) * grad
    exp_avg_sq = beta2 * exp_avg_sq + (1.0 - beta2) * grad * grad
    denom = exp_avg_sq.sqrt() + eps
    param = param - lr * exp_avg / denom
    return {"param": param, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
