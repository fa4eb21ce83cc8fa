"""Wrong: treats logit_scale as the log of the scale and multiplies by exp(logit_scale)."""

import torch


def clip_contrastive_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: float
) -> float:
    """In CLIP the parameter is stored as a log; here the multiplier itself is passed in."""
    image = image_emb / image_emb.norm(dim=1, keepdim=True)
    text = text_emb / text_emb.norm(dim=1, keepdim=True)
    logits = torch.exp(torch.tensor(logit_scale)) * image @ text.T
    labels = torch.arange(image_emb.shape[0])
    image_to_text = torch.nn.functional.cross_entropy(logits, labels)
    text_to_image = torch.nn.functional.cross_entropy(logits.T, labels)
    return float((image_to_text + text_to_image) / 2)
