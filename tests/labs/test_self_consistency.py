"""Majority voting: simulation agrees with the binomial formula only for independent samples."""

from __future__ import annotations

from functools import cache

import pytest
from scipy.stats import binom

from mlinterview.labs.base import LabResult
from mlinterview.labs.catalog.self_consistency import binomial_majority
from mlinterview.labs.registry import run_lab


@cache
def default() -> LabResult:
    return run_lab("self_consistency", render=False)


def test_default_simulation_matches_formula() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["formula_accuracy_max_n"] == pytest.approx(binom.sf(10, 21, 0.65), abs=1e-12)
    assert m["vote_accuracy_max_n"] == pytest.approx(m["formula_accuracy_max_n"], abs=0.01)
    assert m["vote_accuracy_max_n"] > m["single_sample_accuracy"] + 0.2
    assert m["max_z"] < 4


def test_correlated_mistakes_break_the_formula() -> None:
    result = run_lab("self_consistency", {"correlation": 0.5, "trials": 4000}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["vote_accuracy_max_n"] < result.metrics["formula_accuracy_max_n"] - 0.05


def test_below_one_half_voting_makes_it_worse() -> None:
    result = run_lab("self_consistency", {"p": 0.4, "trials": 4000}, render=False)
    assert result.verdict == "supported"
    assert result.metrics["vote_accuracy_max_n"] < 0.3


@pytest.mark.parametrize(("p", "n"), [(0.3, 1), (0.55, 11), (0.65, 21), (0.9, 101), (0.51, 1001)])
def test_formula_matches_scipy(p: float, n: int) -> None:
    assert binomial_majority(p, n) == pytest.approx(float(binom.sf(n // 2, n, p)), abs=1e-12)


def test_figures_render() -> None:
    result = run_lab("self_consistency", {"trials": 1000, "max_samples": 5}, render=True)
    assert [f.name for f in result.figures] == ["accuracy_vs_samples", "correlation"]


def test_a_single_sample_shows_no_gain_from_voting() -> None:
    result = run_lab("self_consistency", {"max_samples": 1, "trials": 2000}, render=False)
    assert result.verdict == "not supported"
