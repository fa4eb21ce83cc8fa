"""Wrong: adds each stump in full, ignoring the learning rate."""

import numpy as np

TIE = 1e-9  # SSEs within TIE * max(1, best) of the best count as tied


def _stump(xs: np.ndarray, rs: np.ndarray) -> tuple[float, float, float]:
    """Best split of sorted xs for targets rs: (threshold, left mean, right mean).

    SSE = sum(r²) − S_left²/n_left − S_right²/n_right, so the split maximising the
    second part wins; the constant sum(r²) cancels. No split: (inf, mean, mean), so
    every sample goes left and gets the mean residual.
    """
    n = xs.size
    mean = float(rs.mean())
    valid = np.flatnonzero(xs[:-1] < xs[1:])  # cut after sorted position i
    if valid.size == 0:
        return np.inf, mean, mean
    prefix = np.cumsum(rs)
    n_left = valid + 1.0
    s_left = prefix[valid]
    s_right = prefix[-1] - s_left
    n_right = n - n_left
    sse = float(rs @ rs) - s_left**2 / n_left - s_right**2 / n_right
    best = sse.min()
    k = int(np.argmax(sse <= best + TIE * max(1.0, best)))  # smallest threshold among ties
    i = valid[k]
    threshold = float((xs[i] + xs[i + 1]) / 2.0)
    return threshold, float(s_left[k] / n_left[k]), float(s_right[k] / n_right[k])


def gradient_boosting_stumps(
    x: np.ndarray, y: np.ndarray, n_rounds: int, learning_rate: float
) -> np.ndarray:
    """Right only for learning_rate = 1."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    order = np.argsort(x, kind="stable")
    xs = x[order]
    pred = np.full(y.size, y.mean())
    for _ in range(n_rounds):
        residual = y - pred
        threshold, left, right = _stump(xs, residual[order])
        step = np.where(x <= threshold, left, right)
        pred = pred + step  # no shrinkage
    return pred
