"""Random attention inputs: batch and head axes, d != dv, logits up to about ±1e4, masks."""

import numpy as np


def _mask(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """A random boolean mask in which every query row keeps at least one key."""
    allowed = rng.random(shape) < 0.6
    flat = allowed.reshape(-1, shape[-1])
    for row in flat:
        if not row.any():
            row[int(rng.integers(0, shape[-1]))] = True
    return flat.reshape(shape)


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Batched shapes, d != dv, logit scales up to 1e4 and broadcast masks; one larger case."""
    cases: list[dict[str, object]] = []
    # One larger multi-head case with a causal mask: (batch 2, heads 4, 48 tokens, d 32).
    b, h, n, d = 2, 4, 48, 32
    cases.append(
        {
            "q": rng.normal(size=(b, h, n, d)),
            "k": rng.normal(size=(b, h, n, d)),
            "v": rng.normal(size=(b, h, n, 24)),
            "mask": np.tril(np.ones((n, n), dtype=bool)),
        }
    )
    for i in range(1, count):
        batch: tuple[int, ...] = [(), (2,), (2, 3), (1, 2)][i % 4]
        lq, lk = int(rng.integers(1, 6)), int(rng.integers(1, 6))
        d, dv = int(rng.integers(1, 6)), int(rng.integers(1, 5))
        q = rng.normal(size=(*batch, lq, d))
        k = rng.normal(size=(*batch, lk, d))
        v = rng.normal(size=(*batch, lk, dv))
        # Rescale the queries so that the largest |logit| is about 3, 40, 800 or 9000.
        largest = float(np.abs(q @ np.swapaxes(k, -1, -2)).max()) / np.sqrt(d)
        q = q * ([3.0, 40.0, 800.0, 9000.0][i % 4] / largest)
        # Short decimals keep the frozen cases readable (the largest logit moves a little).
        q, k, v = np.round(q, 3), np.round(k, 3), np.round(v, 3)
        kind = i % 3
        mask: object = None
        if kind == 1:
            mask = _mask(rng, (*batch, lq, lk))
        elif kind == 2:
            # Shared by the whole batch, or a padding mask: one row per first batch axis.
            padding = (*batch[:1], *(1 for _ in batch[1:]), 1, lk)
            mask = _mask(rng, (lq, lk)) if i % 2 else _mask(rng, padding)
        case = {"q": q, "k": k, "v": v}
        if mask is not None:  # no mask: the argument is left out and the default applies
            case["mask"] = mask
        cases.append(case)
    return cases[:count]
