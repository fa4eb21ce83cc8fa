"""Speculative decoding keeps the target distribution and matches the speed-up formula."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from mlinterview.labs.base import LabResult
from mlinterview.labs.catalog.speculative_decoding import (
    expected_tokens_per_call,
    goodness_of_fit,
    make_models,
    speculative_decode,
)
from mlinterview.labs.registry import run_lab

SMALL = {"chains": 1000, "rounds": 10}


@cache
def default() -> LabResult:
    return run_lab("speculative_decoding", render=False)


def test_default_output_fits_target_and_formula() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["p_value_vs_target"] >= 0.01
    assert m["p_value_vs_draft"] < 1e-6  # the test has power: the draft is rejected
    assert abs(m["relative_error"]) <= 0.05
    assert abs(m["relative_error"]) <= 0.02  # with 80k target calls it is much closer
    assert m["alpha_measured"] == pytest.approx(m["alpha_design"], abs=0.01)
    assert m["expected_tokens_per_call"] == pytest.approx((1 - 0.7**5) / 0.3, rel=1e-9)


@pytest.mark.parametrize("alpha", [0.2, 0.5, 0.9])
def test_draft_has_the_designed_acceptance_rate_in_every_context(alpha: float) -> None:
    models = make_models(vocab=8, alpha=alpha, seed=3)
    assert np.allclose(models.acceptance, alpha, atol=1e-9)
    assert np.allclose(models.target.sum(axis=1), 1.0)
    assert np.allclose(models.draft.sum(axis=1), 1.0)
    assert (models.draft >= 0).all()


def test_trusting_the_draft_breaks_the_distribution() -> None:
    result = run_lab("speculative_decoding", {**SMALL, "rule": "always_accept"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["p_value_vs_target"] < 1e-6
    assert result.metrics["tokens_per_target_call"] == 5.0  # γ + 1 every time


def test_resampling_from_the_target_after_a_rejection_is_biased() -> None:
    """Wrong residual: the speed is unchanged, only the output distribution is off."""
    result = run_lab("speculative_decoding", {**SMALL, "rule": "resample_target"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["p_value_vs_target"] < 1e-6
    assert abs(result.metrics["relative_error"]) <= 0.05


def test_correct_rule_on_a_small_run_still_fits() -> None:
    models = make_models(vocab=6, alpha=0.5, seed=1)
    out = speculative_decode(models, gamma=3, chains=1500, rounds=10, rule="correct", seed=1)
    _, pvalue, dof = goodness_of_fit(out.counts, models.target)
    assert dof == 30
    assert pvalue > 0.001
    assert out.tokens / out.target_calls == pytest.approx(
        expected_tokens_per_call(0.5, 3), rel=0.05
    )


def test_formula_edge_cases() -> None:
    assert expected_tokens_per_call(0.0, 4) == 1.0  # every draft rejected: one token
    assert expected_tokens_per_call(1.0, 4) == 5.0  # every draft accepted: γ + 1
    assert expected_tokens_per_call(0.5, 1) == pytest.approx(1.5)


def test_figures_render() -> None:
    result = run_lab("speculative_decoding", {"chains": 200, "rounds": 5}, render=True)
    assert [f.name for f in result.figures] == ["tokens_per_call", "distribution"]
