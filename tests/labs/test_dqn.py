"""A small DQN on CartPole clearly beats random play (needs PyTorch)."""

from __future__ import annotations

import pytest

pytest.importorskip("torch")

from mlinterview.labs.registry import run_lab


@pytest.mark.slow
def test_default_dqn_beats_random_policy() -> None:
    result = run_lab("dqn", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["random_mean_return"] == pytest.approx(22, abs=8)
    assert m["dqn_mean_return"] >= 3 * m["random_mean_return"]
    assert m["dqn_min_return"] > m["random_mean_return"]


def test_before_learning_starts_it_does_not_beat_random_and_is_reproducible() -> None:
    params = {"total_steps": 1500, "eval_episodes": 5}
    first = run_lab("dqn", params, render=False)
    second = run_lab("dqn", params, render=False)
    assert first.verdict == "not supported"
    assert first.metrics == second.metrics


def test_figures_render() -> None:
    result = run_lab("dqn", {"total_steps": 600, "eval_episodes": 3}, render=True)
    assert [f.name for f in result.figures] == ["training", "evaluation"]
