"""Cliff walking: SARSA earns more while learning, Q-learning learns the shortest path."""

from __future__ import annotations

from functools import cache

import pytest

from mlinterview.labs.base import LabResult
from mlinterview.labs.registry import run_lab


@cache
def default() -> LabResult:
    return run_lab("sarsa_vs_qlearning", render=False)


def test_default_supports_the_claim_with_the_classic_numbers() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["shortest_path"] == 13  # 1 up, 11 right, 1 down
    assert m["q_learning_greedy_length_mean"] == 13.0
    assert m["q_learning_reached_goal"] == m["seeds"]
    assert m["q_learning_edge_steps_mean"] == 10.0  # every column along the cliff
    assert m["sarsa_edge_steps_mean"] < 2.0  # SARSA keeps its distance
    # Sutton & Barto, Example 6.6: roughly -25 vs -50 per episode with ε = 0.1
    assert m["sarsa_mean_return"] > m["q_learning_mean_return"] + 10
    assert -45 < m["sarsa_mean_return"] < -20
    assert -75 < m["q_learning_mean_return"] < -40


def test_without_exploration_the_two_learners_coincide() -> None:
    # ε = 0: SARSA's next action is the greedy one, so both updates are the same.
    result = run_lab(
        "sarsa_vs_qlearning", {"epsilon": 0.0, "episodes": 60, "seeds": 2}, render=False
    )
    m = result.metrics
    assert m["sarsa_mean_return"] == pytest.approx(m["q_learning_mean_return"])
    assert result.verdict == "not supported"


def test_same_seed_same_numbers() -> None:
    params = {"episodes": 40, "seeds": 2}
    first = run_lab("sarsa_vs_qlearning", params, render=False).metrics
    second = run_lab("sarsa_vs_qlearning", params, render=False).metrics
    assert first == second


def test_figures_render() -> None:
    result = run_lab("sarsa_vs_qlearning", {"episodes": 30, "seeds": 1}, render=True)
    assert [f.name for f in result.figures] == ["online_return", "greedy_paths"]
    assert all(f.png.startswith(b"\x89PNG") and b"<svg" in f.svg for f in result.figures)
