"""Wrong: sums the per-pair losses over the batch instead of averaging them."""

import numpy as np


def dpo_loss(
    policy_chosen_logps: np.ndarray,
    policy_rejected_logps: np.ndarray,
    ref_chosen_logps: np.ndarray,
    ref_rejected_logps: np.ndarray,
    beta: float,
) -> float:
    """Right per pair; the total grows with the batch size."""
    chosen = np.asarray(policy_chosen_logps) - np.asarray(ref_chosen_logps)
    rejected = np.asarray(policy_rejected_logps) - np.asarray(ref_rejected_logps)
    margin = beta * (chosen - rejected)
    return float(np.sum(np.logaddexp(0.0, -margin)))
