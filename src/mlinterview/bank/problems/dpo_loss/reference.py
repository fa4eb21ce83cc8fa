"""Reference: the DPO loss with a stable softplus for -log(sigmoid)."""

import numpy as np


def dpo_loss(
    policy_chosen_logps: np.ndarray,
    policy_rejected_logps: np.ndarray,
    ref_chosen_logps: np.ndarray,
    ref_rejected_logps: np.ndarray,
    beta: float,
) -> float:
    """-log sigmoid(m) = log(1 + exp(-m)) = logaddexp(0, -m), finite for any finite m."""
    chosen = np.asarray(policy_chosen_logps, dtype=float) - np.asarray(
        ref_chosen_logps, dtype=float
    )
    rejected = np.asarray(policy_rejected_logps, dtype=float) - np.asarray(
        ref_rejected_logps, dtype=float
    )
    margin = beta * (chosen - rejected)
    return float(np.mean(np.logaddexp(0.0, -margin)))
