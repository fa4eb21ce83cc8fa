"""The stage planner shared by mock interviews and kits."""

from __future__ import annotations

import pytest

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.content.schema import Role, Topic
from mlinterview.interviews.plan import (
    DIFFICULTIES,
    MIN_MINUTES,
    ROLE_TOPICS,
    STAGE_TOPICS,
    InterviewPlan,
    Level,
    PlanError,
    Stage,
    plan_interview,
)
from mlinterview.practice.problem_info import bundled_problems


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_plan_fills_the_minutes_with_unique_questions_from_the_right_topics(role: str) -> None:
    plan = plan_interview(role, 50, seed=11)
    bank = bundled_bank()
    problems = bundled_problems()
    assert sum(stage.seconds for stage in plan.stages) == 50 * 60
    for stage in plan.stages:
        assert sum(item.seconds for item in stage.items) == stage.seconds
    ids = [item.id for _, _, item in plan.entries()]
    assert len(ids) == len(set(ids))
    assert [s.stage for s in plan.stages] == [s for s in Stage if s not in plan.skipped]
    for stage in plan.stages:
        for item in stage.items:
            if stage.stage is Stage.CODING:
                assert item.kind == "problem" and item.id in problems
                continue
            card = bank.get(item.id)
            assert card is not None and item.kind == "card"
            topics = ROLE_TOPICS[role] if stage.stage is Stage.ROLE else STAGE_TOPICS[stage.stage]
            assert card.topic in topics


def test_same_seed_same_plan_and_round_trip() -> None:
    first = plan_interview("nlp", 60, seed=5, level="senior")
    again = plan_interview("nlp", 60, seed=5, level="senior")
    assert first == again
    assert InterviewPlan.from_dict(first.to_dict()) == first
    others = {plan_interview("nlp", 60, seed=s, level="senior") for s in range(6, 12)}
    assert any(other != first for other in others)


def _mean_rank(level: str) -> float:
    ranks = [
        DIFFICULTIES.index(item.difficulty)
        for seed in range(12)
        for _, stage, item in plan_interview("generalist", 60, seed, level).entries()
        if stage.stage is not Stage.CODING
    ]
    return sum(ranks) / len(ranks)


def test_level_shifts_the_difficulty_mix() -> None:
    junior, mid, senior = (_mean_rank(level) for level in Level)
    assert junior < mid < senior


def test_a_stage_without_cards_gives_its_time_to_the_others() -> None:
    full = bundled_bank()
    cards = {cid: card for cid, card in full.cards.items() if card.topic != Topic.MLOPS}
    plan = plan_interview("llm", 30, seed=2, bank=Bank(cards=cards))
    assert Stage.MLOPS in plan.skipped
    assert Stage.MLOPS not in [s.stage for s in plan.stages]
    assert sum(stage.seconds for stage in plan.stages) == 30 * 60


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "astronaut"}, "unknown role 'astronaut'"),
        ({"minutes": MIN_MINUTES - 1}, f"between {MIN_MINUTES} and"),
        ({"level": "principal"}, "unknown level 'principal'"),
    ],
)
def test_bad_arguments_raise_plan_errors(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"role": "llm", "minutes": 30, "seed": 1, **kwargs}
    with pytest.raises(PlanError, match=message):
        plan_interview(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("level", ["junior", "mid"])
def test_no_hard_coding_task_opens_a_junior_or_mid_interview(level: str) -> None:
    for seed in range(60):
        plan = plan_interview("generalist", 45, seed, level)
        coding = [s for s in plan.stages if s.stage.value == "coding"]
        assert all(item.difficulty != "hard" for stage in coding for item in stage.items), seed
