"""Random schedules and steps: warmup, decay and after-the-end steps, with and without min_lr."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Steps drawn from all three phases, boundaries included; warmup 0 and min_lr 0 appear."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        total = int(rng.integers(1, 2000))
        warmup = int(rng.integers(0, total + 1)) if i % 4 else 0
        phase = i % 5
        if phase == 0 and warmup > 0:
            step = int(rng.integers(0, warmup))
        elif phase == 1:
            step = warmup
        elif phase == 2:
            step = total - 1
        elif phase == 3:
            step = total + int(rng.integers(0, 500))
        else:
            step = int(rng.integers(warmup, total + 1))
        base_lr = float(rng.choice([1e-4, 3e-4, 1e-3, 0.1, 1.0]))
        min_lr = 0.0 if i % 3 == 0 else float(base_lr * rng.choice([0.01, 0.1, 0.5]))
        case: dict[str, object] = {
            "step": step,
            "base_lr": base_lr,
            "warmup_steps": warmup,
            "total_steps": total,
        }
        if i % 6 != 5:  # every sixth case leaves min_lr at its default
            case["min_lr"] = min_lr
        cases.append(case)
    return cases
