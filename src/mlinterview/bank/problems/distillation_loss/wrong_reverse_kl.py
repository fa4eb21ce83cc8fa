"""Wrong: computes KL(student || teacher) instead of KL(teacher || student)."""

import torch


def distillation_loss(
    student_logits: torch.Tensor, teacher_logits: torch.Tensor, temperature: float
) -> float:
    """The KL divergence is not symmetric; Hinton's loss weighs by the teacher's probabilities."""
    log_p = torch.log_softmax(teacher_logits / temperature, dim=-1)
    log_q = torch.log_softmax(student_logits / temperature, dim=-1)
    kl = (log_q.exp() * (log_q - log_p)).sum()
    return float(kl / student_logits.shape[0] * temperature**2)
