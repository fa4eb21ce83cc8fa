"""Wrong: leaves out the T^2 factor."""

import torch


def distillation_loss(
    student_logits: torch.Tensor, teacher_logits: torch.Tensor, temperature: float
) -> float:
    """Right at T = 1 only; at T > 1 the soft loss's gradients shrink by 1 / T^2."""
    log_p = torch.log_softmax(teacher_logits / temperature, dim=-1)
    log_q = torch.log_softmax(student_logits / temperature, dim=-1)
    kl = (log_p.exp() * (log_p - log_q)).sum()
    return float(kl / student_logits.shape[0])
