"""Wrong: -log(1 / (1 + exp(-m))) taken literally; exp overflows and the loss is inf at m = -1e4."""

import numpy as np


def dpo_loss(
    policy_chosen_logps: np.ndarray,
    policy_rejected_logps: np.ndarray,
    ref_chosen_logps: np.ndarray,
    ref_rejected_logps: np.ndarray,
    beta: float,
) -> float:
    """Correct for moderate margins; below about -710 exp(-m) is inf, sigmoid 0, log(0) -inf."""
    chosen = np.asarray(policy_chosen_logps) - np.asarray(ref_chosen_logps)
    rejected = np.asarray(policy_rejected_logps) - np.asarray(ref_rejected_logps)
    margin = beta * (chosen - rejected)
    with np.errstate(over="ignore", divide="ignore"):
        sigmoid = 1.0 / (1.0 + np.exp(-margin))
        return float(np.mean(-np.log(sigmoid)))
