"""Wrong: drops the reference model; margin = beta * (chosen - rejected) of the policy alone."""

import numpy as np


def dpo_loss(
    policy_chosen_logps: np.ndarray,
    policy_rejected_logps: np.ndarray,
    ref_chosen_logps: np.ndarray,
    ref_rejected_logps: np.ndarray,
    beta: float,
) -> float:
    """Rewards the policy for preferences the reference model already had."""
    margin = beta * (np.asarray(policy_chosen_logps) - np.asarray(policy_rejected_logps))
    return float(np.mean(np.logaddexp(0.0, -margin)))
