"""Wrong: uses the exponent i / d_model instead of 2i / d_model."""

import torch


def sinusoidal_positional_encoding(n_positions: int, d_model: int) -> torch.Tensor:
    """The wavelengths then only reach 10000^(1/2) instead of spanning up to 10000."""
    positions = torch.arange(n_positions, dtype=torch.float64).unsqueeze(1)
    i = torch.arange(d_model // 2, dtype=torch.float64)
    angles = positions * torch.pow(10000.0, -i / d_model)
    pe = torch.empty(n_positions, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
