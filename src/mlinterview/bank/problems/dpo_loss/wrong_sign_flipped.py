"""Wrong: -log sigmoid(-margin), chosen and rejected swapped; it trains towards the rejected."""

import numpy as np


def dpo_loss(
    policy_chosen_logps: np.ndarray,
    policy_rejected_logps: np.ndarray,
    ref_chosen_logps: np.ndarray,
    ref_rejected_logps: np.ndarray,
    beta: float,
) -> float:
    """Rejected minus chosen: the loss falls as the policy prefers the rejected answer."""
    chosen = np.asarray(policy_chosen_logps) - np.asarray(ref_chosen_logps)
    rejected = np.asarray(policy_rejected_logps) - np.asarray(ref_rejected_logps)
    margin = beta * (rejected - chosen)
    return float(np.mean(np.logaddexp(0.0, -margin)))
