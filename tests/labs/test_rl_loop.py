"""Tabular Q-learning on FrozenLake approaches the planner and beats random play."""

from __future__ import annotations

from functools import cache

import pytest

from mlinterview.labs.base import LabResult
from mlinterview.labs.registry import run_lab


@cache
def default() -> LabResult:
    return run_lab("rl_loop", render=False)


def test_default_learns_a_near_optimal_policy() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    # slippery 4x4, 100-step limit: the best stationary policy succeeds ~74 % of the time
    assert m["optimal_success"] == pytest.approx(0.74, abs=0.02)
    assert m["random_success"] == pytest.approx(0.014, abs=0.005)
    assert m["learned_success"] >= 0.9 * m["optimal_success"]


def test_too_few_episodes_do_not_support_the_claim() -> None:
    result = run_lab("rl_loop", {"episodes": 20}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["learned_success"] < 0.5


def test_exact_success_probability_matches_rollouts() -> None:
    """The evaluator the verdict relies on agrees with playing the policy in gymnasium."""
    import gymnasium as gym
    import numpy as np

    from mlinterview.labs.catalog._tabular import (
        greedy_policy,
        policy_success,
        transition_model,
        value_iteration,
    )

    env = gym.make("FrozenLake-v1", is_slippery=True)
    p, r, done = transition_model(env)
    policy = greedy_policy(value_iteration(p, r, done, 0.99))
    exact = float(policy_success(p, r, done, policy, 100)[0])
    wins, episodes = 0, 1500
    state, _ = env.reset(seed=5)
    for _ in range(episodes):
        finished = False
        while not finished:
            state, reward, terminated, truncated, _ = env.step(int(policy[state]))
            finished = terminated or truncated
        wins += reward > 0
        state, _ = env.reset()
    rate = wins / episodes
    assert rate == pytest.approx(exact, abs=4 * np.sqrt(exact * (1 - exact) / episodes))


def test_figures_render() -> None:
    result = run_lab("rl_loop", {"episodes": 50}, render=True)
    assert [f.name for f in result.figures] == ["learning_curve", "policy"]
    assert all(f.png.startswith(b"\x89PNG") for f in result.figures)
