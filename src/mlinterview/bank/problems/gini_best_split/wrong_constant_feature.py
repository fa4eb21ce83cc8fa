"""Wrong: no case for a constant feature; the minimum over an empty list of candidates crashes."""

import numpy as np


def _children(ys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sizes and Gini impurities of both children for a cut after each sorted position."""
    n = ys.size
    _, cls = np.unique(ys, return_inverse=True)
    onehot = np.eye(int(cls.max()) + 1)[cls]
    left = np.cumsum(onehot, axis=0)[:-1]
    right = onehot.sum(axis=0) - left
    n_left = np.arange(1.0, n)
    n_right = n - n_left
    g_left = 1.0 - ((left / n_left[:, None]) ** 2).sum(axis=1)
    g_right = 1.0 - ((right / n_right[:, None]) ** 2).sum(axis=1)
    return n_left, n_right, g_left, g_right


def _gini(labels: np.ndarray) -> float:
    p = np.unique(labels, return_counts=True)[1] / labels.size
    return float(1.0 - np.sum(p**2))


def gini_best_split(x: np.ndarray, y: np.ndarray) -> dict[str, float | None]:
    """Correct whenever x has two distinct values; raises ValueError when it has one."""
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], np.asarray(y)[order]
    n = xs.size
    n_left, n_right, g_left, g_right = _children(ys)
    impurity = (n_left * g_left + n_right * g_right) / n
    candidates = np.flatnonzero(xs[:-1] < xs[1:])
    scores = impurity[candidates]
    best = candidates[np.argmax(scores <= scores.min() + 1e-12)]
    return {"threshold": float((xs[best] + xs[best + 1]) / 2.0), "impurity": float(impurity[best])}
