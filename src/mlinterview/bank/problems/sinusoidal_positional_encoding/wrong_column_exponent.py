"""Wrong: uses the column index j in the exponent, 10000^(j / d), also for odd columns."""

import torch


def sinusoidal_positional_encoding(n_positions: int, d_model: int) -> torch.Tensor:
    """Odd column 2i + 1 gets its own, lower frequency instead of sharing the one of column 2i."""
    positions = torch.arange(n_positions, dtype=torch.float64).unsqueeze(1)
    j = torch.arange(d_model, dtype=torch.float64)
    angles = positions * torch.pow(10000.0, -j / d_model)
    pe = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles[:, 1::2])
    return pe
