"""Reference: mean binary cross-entropy with the probabilities clipped to [eps, 1 - eps]."""

import numpy as np


def binary_log_loss(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> float:
    """Clip p itself (not 1 - p), then average the negative log-likelihood in nats."""
    y = np.asarray(y_true, dtype=float).ravel()
    q = np.clip(np.asarray(p, dtype=float).ravel(), eps, 1.0 - eps)
    return float(-np.mean(y * np.log(q) + (1.0 - y) * np.log(1.0 - q)))
