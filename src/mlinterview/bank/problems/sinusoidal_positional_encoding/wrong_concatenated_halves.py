"""Wrong: puts all sines in the first half and all cosines in the second."""

import torch


def sinusoidal_positional_encoding(n_positions: int, d_model: int) -> torch.Tensor:
    """The tensor2tensor layout; the task asks for sin and cos interleaved column by column."""
    positions = torch.arange(n_positions, dtype=torch.float64).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    angles = positions * torch.pow(10000.0, -two_i / d_model)
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=1)
