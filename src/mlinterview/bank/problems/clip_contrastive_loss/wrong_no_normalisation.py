"""Wrong: uses raw dot products, without L2-normalising the embeddings."""

import torch


def clip_contrastive_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: float
) -> float:
    """Long embeddings get large logits; CLIP compares directions (cosine similarity)."""
    logits = logit_scale * image_emb @ text_emb.T
    labels = torch.arange(image_emb.shape[0])
    image_to_text = torch.nn.functional.cross_entropy(logits, labels)
    text_to_image = torch.nn.functional.cross_entropy(logits.T, labels)
    return float((image_to_text + text_to_image) / 2)
