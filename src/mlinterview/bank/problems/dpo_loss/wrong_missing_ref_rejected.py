"""Wrong: subtracts the reference log-prob of the chosen answer but forgets the rejected one."""

import numpy as np


def dpo_loss(
    policy_chosen_logps: np.ndarray,
    policy_rejected_logps: np.ndarray,
    ref_chosen_logps: np.ndarray,
    ref_rejected_logps: np.ndarray,
    beta: float,
) -> float:
    """margin = beta * ((chosen - ref_chosen) - rejected)."""
    chosen = np.asarray(policy_chosen_logps) - np.asarray(ref_chosen_logps)
    margin = beta * (chosen - np.asarray(policy_rejected_logps))
    return float(np.mean(np.logaddexp(0.0, -margin)))
