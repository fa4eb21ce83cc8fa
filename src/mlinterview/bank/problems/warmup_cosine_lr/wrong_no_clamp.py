"""Wrong: no clamp after total_steps; the cosine keeps going and the rate climbs back up."""

import math


def warmup_cosine_lr(
    step: int, base_lr: float, warmup_steps: int, total_steps: int, min_lr: float = 0.0
) -> float:
    """Past total_steps progress exceeds 1 and cos(pi * progress) rises again."""
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress))
