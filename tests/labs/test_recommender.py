"""Personalised recommenders beat popularity on a time split; cold start needs a fallback."""

from __future__ import annotations

import numpy as np
import pytest

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.catalog.recommender import simulate
from mlinterview.labs.registry import run_lab

SMALL = {"n_users": 300, "n_items": 120}


def test_default_cf_and_mf_beat_popularity() -> None:
    result = run_lab("recommender", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    for method in ("itemcf", "mf"):
        assert m[f"{method}_precision_at_k"] > 1.5 * m["popularity_precision_at_k"]
        assert m[f"{method}_recall_at_k"] > 1.5 * m["popularity_recall_at_k"]
    assert m["popularity_precision_at_k"] > 2 * m["random_precision_at_k"]
    assert m["cold_users"] > 0
    assert m["cold_popularity_precision_at_k"] > m["cold_random_precision_at_k"]


def test_no_tastes_and_strong_popularity_favour_the_baseline() -> None:
    params = {**SMALL, "taste_concentration": 50.0, "popularity_strength": 3.0}
    result = run_lab("recommender", params, render=False)
    assert result.verdict == "not supported"


def test_split_is_by_time_and_test_holds_only_new_places() -> None:
    data = simulate(200, 80, 20, 1.0, 0.3, seed=0)
    assert not np.any((data.train > 0) & (data.test > 0))
    assert np.all(data.train[data.cold] == 0)


def test_k_must_be_smaller_than_the_catalogue() -> None:
    with pytest.raises(LabParameterError, match="n_items"):
        run_lab("recommender", {"k": 50, "n_items": 40}, render=False)


def test_figures_render() -> None:
    result = run_lab("recommender", SMALL, render=True)
    assert [f.name for f in result.figures] == ["methods", "recall_vs_k"]
