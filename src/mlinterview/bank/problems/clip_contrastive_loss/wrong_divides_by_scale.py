"""Wrong: divides the cosines by logit_scale, as if it were a temperature."""

import torch


def clip_contrastive_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: float
) -> float:
    """logit_scale is a multiplier (1 / temperature), so this flattens instead of sharpening."""
    image = image_emb / image_emb.norm(dim=1, keepdim=True)
    text = text_emb / text_emb.norm(dim=1, keepdim=True)
    logits = image @ text.T / logit_scale
    labels = torch.arange(image_emb.shape[0])
    image_to_text = torch.nn.functional.cross_entropy(logits, labels)
    text_to_image = torch.nn.functional.cross_entropy(logits.T, labels)
    return float((image_to_text + text_to_image) / 2)
