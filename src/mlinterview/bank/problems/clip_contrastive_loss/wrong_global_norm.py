"""Wrong: divides each matrix by its overall (Frobenius) norm instead of each row by its own."""

import torch


def clip_contrastive_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: float
) -> float:
    """x / x.norm() without dim: rows keep their relative lengths, so no cosine similarity."""
    image = image_emb / image_emb.norm()
    text = text_emb / text_emb.norm()
    logits = logit_scale * image @ text.T
    labels = torch.arange(image_emb.shape[0])
    image_to_text = torch.nn.functional.cross_entropy(logits, labels)
    text_to_image = torch.nn.functional.cross_entropy(logits.T, labels)
    return float((image_to_text + text_to_image) / 2)
