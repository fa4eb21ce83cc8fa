"""Wrong: takes log(softmax(...)) instead of log_softmax, which underflows to log(0)."""

import torch


def distillation_loss(
    student_logits: torch.Tensor, teacher_logits: torch.Tensor, temperature: float
) -> float:
    """A probability that underflows to 0 gives -inf, then 0 * (-inf) = nan or an infinite loss."""
    p = torch.softmax(teacher_logits / temperature, dim=-1)
    q = torch.softmax(student_logits / temperature, dim=-1)
    kl = (p * (torch.log(p) - torch.log(q))).sum()
    return float(kl / student_logits.shape[0] * temperature**2)
