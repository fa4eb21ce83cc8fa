"""Wrong: on tied action values picks the largest action index."""

import numpy as np

TIE = 1e-9  # action values this close to the best count as tied


def value_iteration(P: np.ndarray, R: np.ndarray, gamma: float, tol: float) -> dict:
    """Iterate V <- max_a (R + gamma * P @ V) from V = 0 until the largest change is < tol."""
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    V = np.zeros(R.shape[0])
    while True:
        Q = R + gamma * (P @ V)  # (S, A, S) @ (S,) -> (S, A): expectation over next states
        V_new = Q.max(axis=1)
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < tol:
            break
    Q = R + gamma * (P @ V)  # greedy with respect to the returned V
    tied = Q.max(axis=1, keepdims=True) - Q <= TIE
    policy = Q.shape[1] - 1 - np.argmax(tied[:, ::-1], axis=1)  # last tied action
    return {"V": V.tolist(), "policy": policy.tolist()}
