"""Bagging beats a deep tree, boosting beats a stump, the best ensemble the best single model."""

from __future__ import annotations

from mlinterview.labs.registry import run_lab


def test_default_ensembles_side_by_side() -> None:
    result = run_lab("ensembles", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["bagging_gain_over_tree"] > 0.02
    assert m["boosting_gain_over_stump"] > 0.0
    assert m["best_ensemble_gain_over_best_single"] >= 0.0
    assert m["accuracy_random_forest"] > m["accuracy_deep_tree"]
    assert len(result.tables[0].rows) == 11  # every method reported


def test_two_member_ensembles_do_not_support_the_claim() -> None:
    result = run_lab("ensembles", {"n_estimators": 2, "folds": 3, "n_samples": 300}, render=False)
    assert result.verdict == "not supported"


def test_figure_renders() -> None:
    result = run_lab("ensembles", {"n_samples": 150, "folds": 2, "n_estimators": 3}, render=True)
    assert [f.name for f in result.figures] == ["accuracy"]
