"""Reference CLIP loss: cosine logits times the scale, symmetric cross-entropy on the diagonal."""

import torch


def clip_contrastive_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: float
) -> float:
    """Rows are images, columns texts; pair i is the positive of both row i and column i."""
    image = image_emb / image_emb.norm(dim=1, keepdim=True)
    text = text_emb / text_emb.norm(dim=1, keepdim=True)
    logits = logit_scale * image @ text.T
    labels = torch.arange(image_emb.shape[0])
    image_to_text = torch.nn.functional.cross_entropy(logits, labels)
    text_to_image = torch.nn.functional.cross_entropy(logits.T, labels)
    return float((image_to_text + text_to_image) / 2)
