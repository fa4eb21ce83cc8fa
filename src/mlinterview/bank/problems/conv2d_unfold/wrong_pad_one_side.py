"""Wrong: pads 2 * padding zeros at the bottom and right only (F.pad argument order mixed up)."""

import torch
import torch.nn.functional as F


def conv2d_unfold(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """Same output size, but every window is shifted by padding rows and columns."""
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    padded = F.pad(x, (0, 2 * padding, 0, 2 * padding))
    cols = F.unfold(padded, kernel_size=(kh, kw), stride=stride)  # (N, C_in*kh*kw, L)
    out = weight.reshape(c_out, -1) @ cols + bias.reshape(1, c_out, 1)  # (N, C_out, L)
    return out.reshape(n, c_out, h_out, w_out)
