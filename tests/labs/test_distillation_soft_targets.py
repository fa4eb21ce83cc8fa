"""A student learns more from a teacher's softened outputs than from hard labels."""

from __future__ import annotations

import pytest

pytest.importorskip("torch")

from lab_cache import default_result

from mlinterview.labs.catalog.distillation_soft_targets import few_shot, make_data
from mlinterview.labs.registry import run_lab


def test_default_soft_targets_at_t10_beat_hard_labels() -> None:
    res = default_result("distillation_soft_targets")
    m = {k: float(v) for k, v in res.metrics.items()}
    assert res.verdict == "supported", res.explanation.en
    assert m["teacher_accuracy"] > 0.95
    assert m["student_examples"] == 50
    assert m["gain"] >= 0.04 and m["runs_won"] == 4
    assert m["soft_accuracy"] < m["teacher_accuracy"]
    # a converged teacher is nearly one-hot at T = 1, so T = 1 adds next to nothing ...
    assert m["teacher_top_prob_t1"] > 0.99
    assert abs(m["gain_at_t1"]) < 0.02
    # ... and at T = 10 its wrong-class probabilities are far from uniform
    assert m["teacher_top_prob_t"] < 0.6
    assert m["teacher_runner_up_prob_t"] > 4 * m["teacher_last_prob_t"]
    # the teacher's targets beat labels merely smoothed to the same top probability
    assert m["gain_over_smoothed"] > 0.01


def test_temperature_one_breaks_the_claim() -> None:
    res = run_lab("distillation_soft_targets", {"temperature": 1, "runs": 2}, render=False)
    m = {k: float(v) for k, v in res.metrics.items()}
    assert res.verdict == "not supported"
    assert m["gain"] < 0.02
    assert m["gain"] == m["gain_at_t1"]


def test_few_shot_draw_is_balanced_and_deterministic() -> None:
    import torch

    _x, y, order = make_data(0)
    pool = order[500:]
    a, b = few_shot(y, pool, 3, seed=1), few_shot(y, pool, 3, seed=1)
    assert torch.equal(a, b)
    assert torch.bincount(y[a], minlength=10).tolist() == [3] * 10
    assert not set(a.tolist()) & set(order[:500].tolist())  # never a test image


def test_figure_renders() -> None:
    params = {"runs": 1, "steps": 50, "per_class": 1}
    res = run_lab("distillation_soft_targets", params, render=True)
    assert [f.name for f in res.figures] == ["students"]
