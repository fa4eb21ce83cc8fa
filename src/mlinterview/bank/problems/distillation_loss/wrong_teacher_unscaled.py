"""Wrong: softens only the student; the teacher's softmax is taken at temperature 1."""

import torch


def distillation_loss(
    student_logits: torch.Tensor, teacher_logits: torch.Tensor, temperature: float
) -> float:
    """The point of T is to soften the teacher's targets; here they stay sharp."""
    log_p = torch.log_softmax(teacher_logits, dim=-1)
    log_q = torch.log_softmax(student_logits / temperature, dim=-1)
    kl = (log_p.exp() * (log_p - log_q)).sum()
    return float(kl / student_logits.shape[0] * temperature**2)
