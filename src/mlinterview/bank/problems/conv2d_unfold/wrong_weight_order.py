"""Wrong: flattens the weight as (kh, kw, C_in); the rows of unfold are ordered (C_in, kh, kw)."""

import torch
import torch.nn.functional as F


def conv2d_unfold(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """Right when C_in = 1 or the kernel is 1x1; otherwise channels and positions get mixed up."""
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, kernel_size=(kh, kw), padding=padding, stride=stride)  # (N, C_in*kh*kw, L)
    out = weight.permute(0, 2, 3, 1).reshape(c_out, -1) @ cols + bias.reshape(
        1, c_out, 1
    )  # (N, C_out, L)
    return out.reshape(n, c_out, h_out, w_out)
