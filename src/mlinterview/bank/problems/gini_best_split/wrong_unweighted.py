"""Wrong: scores a split by the plain average of the two child impurities, ignoring their sizes."""

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
    """(Gini_left + Gini_right) / 2: a tiny pure child makes any split look good."""
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], np.asarray(y)[order]
    if xs[0] == xs[-1]:
        return {"threshold": None, "impurity": _gini(ys)}
    _, _, g_left, g_right = _children(ys)
    impurity = (g_left + g_right) / 2.0
    candidates = np.flatnonzero(xs[:-1] < xs[1:])
    scores = impurity[candidates]
    best = candidates[np.argmax(scores <= scores.min() + 1e-12)]
    return {"threshold": float((xs[best] + xs[best + 1]) / 2.0), "impurity": float(impurity[best])}
