"""Elo and Bradley–Terry recover known strengths; position bias is measured."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from mlinterview.labs.base import LabResult
from mlinterview.labs.catalog.pairwise_ratings import elo
from mlinterview.labs.registry import run_lab


@cache
def default() -> LabResult:
    return run_lab("pairwise_ratings", render=False)


def test_default_recovers_ranking_and_bias() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["spearman_bradley_terry"] >= 0.95
    assert m["spearman_elo"] >= 0.9
    assert m["rmse_bradley_terry"] < 0.15
    assert m["position_bias_estimated"] == pytest.approx(0.5, abs=0.12)
    assert m["first_position_win_rate"] > 0.55
    assert m["swap_z"] > 3


def test_unbiased_judge_shows_no_position_effect() -> None:
    m = run_lab("pairwise_ratings", {"position_bias": 0.0}, render=False).metrics
    assert abs(m["position_bias_estimated"]) < 0.12
    assert abs(m["swap_z"]) < 3


def test_a_handful_of_battles_is_not_enough() -> None:
    result = run_lab("pairwise_ratings", {"battles": 40}, render=False)
    assert result.verdict == "not supported"


def test_elo_moves_points_from_loser_to_winner() -> None:
    first = np.array([0, 1, 0])
    second = np.array([1, 2, 2])
    ratings, history = elo(first, second, np.array([True, False, True]), 3, k=32)
    assert ratings.sum() == pytest.approx(3000.0)
    assert history[0, 0] == pytest.approx(1016.0)  # equal ratings: K/2 per win
    assert ratings[0] > 1000 > ratings[1]


def test_figures_render() -> None:
    result = run_lab("pairwise_ratings", {"battles": 200, "swap_pairs": 50}, render=True)
    assert [f.name for f in result.figures] == ["recovery", "elo_history"]
