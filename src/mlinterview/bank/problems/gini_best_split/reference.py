"""Reference: the best Gini split of one numeric feature, from prefix class counts."""

import numpy as np

TIE = 1e-12  # impurities this close to the minimum count as tied


def _prefix_sum_of_squares(labels: np.ndarray) -> np.ndarray:
    """Entry i: sum over classes of (count of that class among labels[: i + 1]) squared.

    Adding the (j+1)-th item of a class raises that class's squared count from j^2 to
    (j+1)^2, i.e. by 2j + 1; j is the item's occurrence number within its class.
    """
    n = labels.size
    _, cls = np.unique(labels, return_inverse=True)
    by_class = np.argsort(cls, kind="stable")
    grouped = cls[by_class]
    first_of_class = np.searchsorted(grouped, grouped, side="left")
    occurrence = np.empty(n, dtype=np.int64)
    occurrence[by_class] = np.arange(n) - first_of_class
    return np.cumsum(2 * occurrence + 1)


def gini_best_split(x: np.ndarray, y: np.ndarray) -> dict[str, float | None]:
    """Scan every split between distinct sorted values; n·Gini(node) = m - sum(c^2)/m."""
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y).ravel()
    n = x.size
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    if xs[0] == xs[-1]:
        counts = np.unique(ys, return_counts=True)[1]
        return {"threshold": None, "impurity": float(1.0 - np.sum((counts / n) ** 2))}
    # Split after sorted position i: left = xs[: i + 1], right = xs[i + 1 :].
    left_sq = _prefix_sum_of_squares(ys)[:-1]
    right_sq = _prefix_sum_of_squares(ys[::-1])[::-1][1:]
    n_left = np.arange(1, n, dtype=float)
    n_right = n - n_left
    impurity = (n - left_sq / n_left - right_sq / n_right) / n
    valid = xs[:-1] < xs[1:]  # no split between equal values
    candidates = np.flatnonzero(valid)
    best_value = impurity[candidates].min()
    best = candidates[np.argmax(impurity[candidates] <= best_value + TIE)]  # smallest threshold
    return {
        "threshold": float((xs[best] + xs[best + 1]) / 2.0),
        "impurity": float(impurity[best]),
    }
