"""Adam beats tuned SGD on badly scaled features, not on well-scaled or rotated ones."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from mlinterview.labs.base import LabParameterError, LabResult
from mlinterview.labs.catalog.optimizer_conditioning import make_problem, optimise
from mlinterview.labs.registry import run_lab


@cache
def result(**overrides: object) -> LabResult:
    return run_lab("optimizer_conditioning", overrides, render=False)


def numbers(res: LabResult) -> dict[str, float]:
    return {k: float(v) for k, v in res.metrics.items() if not isinstance(v, str)}


def test_default_adam_is_much_faster_on_badly_scaled_features() -> None:
    res = result()
    m = numbers(res)
    assert res.verdict == "supported", res.explanation.en
    assert m["hessian_condition_number"] > 1e3
    assert m["sgd_steps"] == -1  # plain gradient descent misses the target in 2000 steps
    assert 0 < m["adam_steps"] < 200
    assert m["momentum_steps"] == -1 or m["momentum_steps"] >= 5 * m["adam_steps"]
    assert m["adam_speedup"] >= 5
    # every method's best rate is inside the grid, not at its edge
    for method in ("sgd", "momentum", "adam"):
        assert 0.01 < m[f"{method}_best_lr"] < 1000


def test_equal_feature_scales_take_away_adams_advantage() -> None:
    res = result(feature_scale_ratio=1.0)
    m = numbers(res)
    assert res.verdict == "not supported"
    assert m["hessian_condition_number"] < 50
    assert 0 < m["sgd_steps"] <= m["adam_steps"]


def test_rotated_ill_conditioning_is_not_fixed_by_adam() -> None:
    res = result(scaling="rotated")
    m, base = numbers(res), numbers(result())
    assert res.verdict == "not supported"
    assert m["adam_speedup"] < 2
    # gradient descent and momentum do not care about a rotation: identical runs
    assert m["hessian_condition_number"] == pytest.approx(base["hessian_condition_number"])
    assert m["momentum_steps"] == base["momentum_steps"]
    assert m["sgd_steps"] == base["sgd_steps"]


def test_newton_optimum_is_a_lower_bound_for_every_run() -> None:
    problem = make_problem(200, 30.0, "per_feature", seed=1)
    lrs = np.array([0.1, 1.0, 3.0])
    for method in ("sgd", "momentum", "adam"):
        _, history = optimise(problem, method, lrs, 300, target=-1.0)
        finite = history[np.isfinite(history)]
        assert finite.min() >= problem.loss_star - 1e-9
        assert history[0, 0] == pytest.approx(np.log(2.0))  # w = 0 predicts 0.5 everywhere


def test_figure_renders() -> None:
    res = run_lab("optimizer_conditioning", {"max_steps": 100, "n_samples": 200}, render=True)
    assert [f.name for f in res.figures] == ["convergence"]


def test_separable_data_is_a_clear_parameter_error() -> None:
    with pytest.raises(LabParameterError, match="linearly separable"):
        make_problem(25, 100.0, "per_feature", seed=0)
