"""Wrong: computes in float32 (torch's default float) and converts to float64 only at the end."""

import torch


def sinusoidal_positional_encoding(n_positions: int, d_model: int) -> torch.Tensor:
    """float32 angles lose about 1e-4 at positions in the thousands: far outside rtol 1e-6."""
    positions = torch.arange(n_positions).float().unsqueeze(1)
    two_i = torch.arange(0, d_model, 2).float()
    angles = positions * torch.pow(10000.0, -two_i / d_model)
    pe = torch.empty(n_positions, d_model)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe.double()
