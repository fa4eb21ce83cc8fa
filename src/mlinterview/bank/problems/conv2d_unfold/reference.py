"""Reference: 2-D cross-correlation as im2col (F.unfold) followed by one matrix product."""

import torch
import torch.nn.functional as F


def conv2d_unfold(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """unfold orders each column as (C_in, kh, kw), the same order as weight.reshape(C_out, -1)."""
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, kernel_size=(kh, kw), padding=padding, stride=stride)  # (N, C_in*kh*kw, L)
    out = weight.reshape(c_out, -1) @ cols + bias.reshape(1, c_out, 1)  # (N, C_out, L)
    return out.reshape(n, c_out, h_out, w_out)
