"""Wrong: only the image-to-text cross-entropy (rows), not the symmetric average."""

import torch


def clip_contrastive_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: float
) -> float:
    """Drops the text-to-image direction (columns), which differs for non-symmetric logits."""
    image = image_emb / image_emb.norm(dim=1, keepdim=True)
    text = text_emb / text_emb.norm(dim=1, keepdim=True)
    logits = logit_scale * image @ text.T
    labels = torch.arange(image_emb.shape[0])
    return float(torch.nn.functional.cross_entropy(logits, labels))
