"""The five interview stages and a seeded, deterministic plan over them.

Mock interviews and interviewer kits share this planner, so a kit printed for a role and
seed asks exactly the questions a candidate would meet in the mock with the same
arguments. Time is split between the stages by fixed shares; a stage without material in
the bank hands its share to the others, so the plan always fills the requested minutes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.content.schema import Card, Role, Text, Topic
from mlinterview.practice.problem_info import ProblemInfo, bundled_problems
from mlinterview.vocabulary import Level, Stage

MIN_MINUTES = 15
MAX_MINUTES = 240
DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")


STAGE_TITLES: dict[Stage, Text] = {
    Stage.CODING: Text(en="Coding", de="Programmieren"),
    Stage.ALGORITHMS: Text(en="Algorithms & data", de="Algorithmen & Daten"),
    Stage.ROLE: Text(en="Role-specific", de="Rollenspezifisch"),
    Stage.SYSTEM_DESIGN: Text(en="ML system design", de="ML-Systemdesign"),
    Stage.MLOPS: Text(en="MLOps", de="MLOps"),
}

ROLE_TITLES: dict[str, Text] = {
    Role.GENERALIST: Text(en="ML generalist", de="ML-Generalist:in"),
    Role.COMPUTER_VISION: Text(en="Computer vision", de="Computer Vision"),
    Role.NLP: Text(en="NLP", de="NLP"),
    Role.LLM: Text(en="LLM engineering", de="LLM-Engineering"),
    Role.REINFORCEMENT_LEARNING: Text(en="Reinforcement learning", de="Reinforcement Learning"),
    Role.BIG_TECH: Text(en="Big tech", de="Big Tech"),
}

LEVEL_TITLES: dict[str, Text] = {
    Level.JUNIOR: Text(en="junior", de="Junior"),
    Level.MID: Text(en="mid-level", de="Mid-Level"),
    Level.SENIOR: Text(en="senior", de="Senior"),
}

# Share of the interview's minutes per stage: coding takes longest, MLOps is a short round.
STAGE_SHARES: dict[Stage, float] = {
    Stage.CODING: 0.30,
    Stage.ALGORITHMS: 0.20,
    Stage.ROLE: 0.20,
    Stage.SYSTEM_DESIGN: 0.20,
    Stage.MLOPS: 0.10,
}
# Roughly how long one question of each kind deserves; decides how many fit in a stage.
SECONDS_PER_CARD = 5 * 60
SECONDS_PER_PROBLEM = 15 * 60
MAX_ITEMS_PER_STAGE = 6
# Questions tagged for the role are this many times as likely as the others in a stage.
ROLE_BOOST = 4

# Which topics the role-specific stage draws from.
ROLE_TOPICS: dict[str, tuple[Topic, ...]] = {
    Role.GENERALIST: (Topic.CLASSICAL_ML, Topic.STATISTICS, Topic.EVALUATION, Topic.DATA),
    Role.COMPUTER_VISION: (Topic.COMPUTER_VISION, Topic.DEEP_LEARNING),
    Role.NLP: (Topic.NLP,),
    Role.LLM: (Topic.LLM, Topic.DEEP_LEARNING),
    Role.REINFORCEMENT_LEARNING: (Topic.REINFORCEMENT_LEARNING,),
    Role.BIG_TECH: (Topic.CAREER, Topic.EVALUATION, Topic.CLASSICAL_ML),
}
STAGE_TOPICS: dict[Stage, tuple[Topic, ...]] = {
    Stage.ALGORITHMS: (
        Topic.CLASSICAL_ML,
        Topic.DEEP_LEARNING,
        Topic.STATISTICS,
        Topic.EVALUATION,
        Topic.DATA,
    ),
    Stage.SYSTEM_DESIGN: (Topic.SYSTEM_DESIGN,),
    Stage.MLOPS: (Topic.MLOPS,),
}

# Relative weight of easy/medium/hard questions per level.
LEVEL_MIX: dict[str, dict[str, int]] = {
    Level.JUNIOR: {"easy": 3, "medium": 2, "hard": 0},
    Level.MID: {"easy": 1, "medium": 2, "hard": 1},
    Level.SENIOR: {"easy": 0, "medium": 2, "hard": 3},
}


# The coding stage opens the interview: a mid-level candidate does not start on a hard task
# (real loops warm up; a hard opener measures nerves more than skill).
CODING_MIX: dict[str, dict[str, int]] = {
    Level.JUNIOR: {"easy": 3, "medium": 1, "hard": 0},
    Level.MID: {"easy": 1, "medium": 3, "hard": 0},
    Level.SENIOR: {"easy": 0, "medium": 2, "hard": 2},
}


class PlanError(ValueError):
    """Arguments that cannot make a plan; the message is one line naming the fix."""


@dataclass(frozen=True)
class PlanItem:
    kind: Literal["card", "problem"]
    id: str
    difficulty: str
    seconds: int


@dataclass(frozen=True)
class StagePlan:
    stage: Stage
    seconds: int
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class InterviewPlan:
    role: str
    level: str
    minutes: int
    seed: int
    stages: tuple[StagePlan, ...]
    skipped: tuple[Stage, ...] = field(default=())  # stages without material in the bank

    def entries(self) -> Iterator[tuple[int, StagePlan, PlanItem]]:
        """Every question in interview order with its position (0-based)."""
        position = 0
        for stage in self.stages:
            for item in stage.items:
                yield position, stage, item
                position += 1

    def __len__(self) -> int:
        return sum(len(stage.items) for stage in self.stages)

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "level": self.level,
            "minutes": self.minutes,
            "seed": self.seed,
            "skipped": [stage.value for stage in self.skipped],
            "stages": [
                {
                    "stage": stage.stage.value,
                    "seconds": stage.seconds,
                    "items": [
                        {
                            "kind": item.kind,
                            "id": item.id,
                            "difficulty": item.difficulty,
                            "seconds": item.seconds,
                        }
                        for item in stage.items
                    ],
                }
                for stage in self.stages
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> InterviewPlan:
        return cls(
            role=str(data["role"]),
            level=str(data["level"]),
            minutes=int(data["minutes"]),
            seed=int(data["seed"]),
            skipped=tuple(Stage(value) for value in data.get("skipped", ())),
            stages=tuple(
                StagePlan(
                    stage=Stage(stage["stage"]),
                    seconds=int(stage["seconds"]),
                    items=tuple(
                        PlanItem(
                            kind=item["kind"],
                            id=str(item["id"]),
                            difficulty=str(item["difficulty"]),
                            seconds=int(item["seconds"]),
                        )
                        for item in stage["items"]
                    ),
                )
                for stage in data["stages"]
            ),
        )


def check_role(role: str) -> str:
    if role not in {r.value for r in Role}:
        raise PlanError(f"unknown role {role!r}; choose one of: {', '.join(r.value for r in Role)}")
    return role


def check_level(level: str) -> str:
    if level not in {lv.value for lv in Level}:
        raise PlanError(
            f"unknown level {level!r}; choose one of: {', '.join(lv.value for lv in Level)}"
        )
    return level


def check_minutes(minutes: int) -> int:
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PlanError(f"minutes must be between {MIN_MINUTES} and {MAX_MINUTES}, not {minutes}")
    return minutes


@dataclass(frozen=True)
class _Candidate:
    kind: Literal["card", "problem"]
    id: str
    difficulty: str
    for_role: bool


def _pick(
    candidates: list[_Candidate], count: int, rng: random.Random, mix: Mapping[str, int]
) -> list[_Candidate]:
    """Draw without replacement: difficulty by the level's mix, then a question of that
    difficulty, where questions tagged for the role are ROLE_BOOST times as likely."""
    remaining = sorted(candidates, key=lambda c: c.id)
    chosen: list[_Candidate] = []
    while len(chosen) < count and remaining:
        by_difficulty: dict[str, list[_Candidate]] = {}
        for candidate in remaining:
            by_difficulty.setdefault(candidate.difficulty, []).append(candidate)
        options = [d for d in DIFFICULTIES if by_difficulty.get(d) and mix.get(d, 0) > 0]
        weights = [mix[d] for d in options]
        if not options:  # the level's preferred difficulties are used up: take what exists
            options = sorted(by_difficulty, key=_difficulty_rank)
            weights = [1] * len(options)
        difficulty = rng.choices(options, weights=weights)[0]
        group = by_difficulty[difficulty]
        picked = rng.choices(group, weights=[ROLE_BOOST if c.for_role else 1 for c in group])[0]
        chosen.append(picked)
        remaining.remove(picked)
    return sorted(chosen, key=lambda c: _difficulty_rank(c.difficulty))  # warm up first


def _difficulty_rank(difficulty: str) -> int:
    return DIFFICULTIES.index(difficulty) if difficulty in DIFFICULTIES else len(DIFFICULTIES)


def _stage_candidates(
    stage: Stage,
    role: str,
    cards: list[Card],
    problems: Mapping[str, ProblemInfo],
    card_roles: Mapping[str, tuple[str, ...]],
    used: set[str],
) -> list[_Candidate]:
    if stage is Stage.CODING:
        role_topics = {t.value for t in ROLE_TOPICS[role]}
        return [
            _Candidate(
                "problem",
                problem.id,
                problem.difficulty,
                problem.topic in role_topics
                or any(role in card_roles.get(card_id, ()) for card_id in problem.cards),
            )
            for problem in problems.values()
            if problem.id not in used
        ]
    topics = ROLE_TOPICS[role] if stage is Stage.ROLE else STAGE_TOPICS[stage]
    return [
        _Candidate("card", card.id, card.difficulty.value, Role(role) in card.roles)
        for card in cards
        if card.topic in topics and card.id not in used
    ]


def plan_interview(
    role: str,
    minutes: int,
    seed: int,
    level: str = Level.MID,
    *,
    bank: Bank | None = None,
    problems: Mapping[str, ProblemInfo] | None = None,
) -> InterviewPlan:
    """The same arguments (and the same bank) always give the same plan."""
    role = check_role(str(role))
    level = check_level(str(level))
    check_minutes(minutes)
    cards = list(bank if bank is not None else bundled_bank())
    problem_map = problems if problems is not None else bundled_problems()
    card_roles = {card.id: tuple(r.value for r in card.roles) for card in cards}
    mix = LEVEL_MIX[level]
    # Material first, so empty stages can hand their time to the others.
    pools: dict[Stage, list[_Candidate]] = {}
    used: set[str] = set()
    for stage in Stage:
        pools[stage] = _stage_candidates(stage, role, cards, problem_map, card_roles, used)
    present = [stage for stage in Stage if pools[stage]]
    if not present:
        raise PlanError("the bank has no questions for this role; run `mlinterview bank check`")
    total_share = sum(STAGE_SHARES[stage] for stage in present)
    total_seconds = minutes * 60
    stages: list[StagePlan] = []
    for stage in present:
        stage_seconds = round(total_seconds * STAGE_SHARES[stage] / total_share)
        per_item = SECONDS_PER_PROBLEM if stage is Stage.CODING else SECONDS_PER_CARD
        pool = [c for c in pools[stage] if c.id not in used]
        count = max(1, min(MAX_ITEMS_PER_STAGE, round(stage_seconds / per_item), len(pool)))
        rng = random.Random(f"mlinterview|{seed}|{role}|{level}|{stage.value}")
        chosen = _pick(pool, count, rng, CODING_MIX[level] if stage is Stage.CODING else mix)
        if not chosen:
            continue
        used.update(c.id for c in chosen)
        base = stage_seconds // len(chosen)
        seconds = [base] * len(chosen)
        seconds[-1] += stage_seconds - base * len(chosen)
        items = tuple(
            PlanItem(c.kind, c.id, c.difficulty, s) for c, s in zip(chosen, seconds, strict=True)
        )
        stages.append(StagePlan(stage, stage_seconds, items))
    skipped = tuple(stage for stage in Stage if stage not in {s.stage for s in stages})
    return InterviewPlan(role, level, minutes, seed, tuple(stages), skipped)
