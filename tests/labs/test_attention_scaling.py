"""Without 1/sqrt(d) the attention softmax saturates as d grows; with it, it does not."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from mlinterview.labs.base import LabResult
from mlinterview.labs.catalog.attention_scaling import dims_up_to, jacobian_norm, softmax
from mlinterview.labs.registry import run_lab


@cache
def default() -> LabResult:
    return run_lab("attention_scaling", render=False)


def numbers(result: LabResult) -> dict[str, float]:
    return {k: float(v) for k, v in result.metrics.items() if not isinstance(v, str)}


def test_default_unscaled_saturates_scaled_does_not() -> None:
    result = default()
    m = numbers(result)
    assert result.verdict == "supported", result.explanation.en
    assert m["largest_dim"] == 1024
    assert m["unscaled_logit_std"] == pytest.approx(32.0, rel=0.08)  # variance d
    assert m["scaled_logit_std"] == pytest.approx(1.0, rel=0.08)
    assert m["unscaled_median_max_weight"] > 0.99
    assert m["unscaled_saturated_share"] >= 0.5
    assert m["scaled_saturated_share"] == 0.0
    assert m["scaled_median_max_weight"] < 0.1  # 128 keys, weights spread out
    assert m["gradient_ratio"] < 0.02
    assert m["scaled_entropy_spread_over_dims"] < 0.05  # the same picture for every d


def test_small_dimension_does_not_saturate() -> None:
    result = run_lab("attention_scaling", {"max_dim": 4}, render=False)
    m = numbers(result)
    assert result.verdict == "not supported"
    assert m["unscaled_saturated_share"] == 0.0
    assert m["gradient_ratio"] > 0.5  # same order of magnitude


def test_closed_form_jacobian_norm_matches_the_matrix() -> None:
    rng = np.random.default_rng(0)
    p = softmax(rng.normal(scale=3.0, size=(5, 7)))
    explicit = [np.linalg.norm(np.diag(row) - np.outer(row, row)) for row in p]
    assert np.allclose(jacobian_norm(p), explicit, atol=1e-12)
    one_hot = np.eye(4)[:1]
    assert jacobian_norm(one_hot)[0] == pytest.approx(0.0, abs=1e-12)


def test_dimension_grid() -> None:
    assert dims_up_to(4) == [4]
    assert dims_up_to(32) == [4, 8, 16, 32]
    assert dims_up_to(48) == [4, 8, 16, 32, 48]


def test_figure_renders() -> None:
    result = run_lab("attention_scaling", {"max_dim": 64, "n_queries": 32}, render=True)
    assert [f.name for f in result.figures] == ["saturation"]
