"""Reference sinusoidal encoding (Vaswani et al.): sin on even columns, cos on odd, interleaved."""

import torch


def sinusoidal_positional_encoding(n_positions: int, d_model: int) -> torch.Tensor:
    """Columns 2i and 2i + 1 share the frequency 10000^(-2i / d_model)."""
    positions = torch.arange(n_positions, dtype=torch.float64).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    angles = positions * torch.pow(10000.0, -two_i / d_model)
    pe = torch.empty(n_positions, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
