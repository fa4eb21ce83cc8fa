"""Mock interviews: a plan over the five stages, answered, graded, stored and reported.

The flow is three calls that any front end (CLI, web) can drive without holding state:
``start_mock`` stores the plan and returns an id, ``answer`` grades one question and
commits it at once (a crash loses nothing already answered), and ``finish`` scores the
stages, queues the cards to review for practice and returns the report data. The clock
is never read here beyond "now" timestamps: the caller measures how long an answer took.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.content.schema import Card
from mlinterview.grading.result import GradeResult
from mlinterview.interviews.plan import (
    LEVEL_TITLES,
    ROLE_TITLES,
    STAGE_TITLES,
    InterviewPlan,
    PlanItem,
    Stage,
    StagePlan,
)
from mlinterview.practice.problem_info import ProblemInfo, bundled_problems
from mlinterview.render import format_seconds, md_cell, render_template
from mlinterview.store import mocks as mock_store
from mlinterview.store.db import Store
from mlinterview.translations import MOCK_REASONS as REASONS
from mlinterview.translations import MOCK_REPORT_LABELS as REPORT_LABELS

REVIEW_BELOW = 0.65  # the score under which practice's suggested rating is "hard" or worse
MAX_ANSWER_CHARS = 100_000


class MockError(ValueError):
    """A mock interview request that cannot be served; one line naming the fix."""


class MockNotFound(MockError, LookupError):
    """No mock interview with that id."""


def utcnow() -> datetime:
    return datetime.now(UTC)


# -- answers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointReport:
    """A key point as a mock report keeps it (stored with the answer, so old reports load)."""

    id: str
    text: str
    status: str  # covered | partly | missing
    evidence: str | None = None


@dataclass(frozen=True)
class AnswerResult:
    position: int
    stage: str
    kind: Literal["card", "problem"]
    item_id: str
    score: float
    elapsed_seconds: float
    budget_seconds: int
    skipped: bool
    feedback: str = ""
    key_points: tuple[PointReport, ...] = ()
    misconceptions: tuple[str, ...] = ()
    verdict: str | None = None
    tests_passed: int = 0
    tests_total: int = 0
    message: str | None = None

    @property
    def over_time(self) -> bool:
        return self.elapsed_seconds > self.budget_seconds

    @property
    def over_seconds(self) -> float:
        return max(0.0, self.elapsed_seconds - self.budget_seconds)

    def details(self) -> dict[str, Any]:
        return {
            "skipped": self.skipped,
            "feedback": self.feedback,
            "key_points": [asdict(point) for point in self.key_points],
            "misconceptions": list(self.misconceptions),
            "verdict": self.verdict,
            "tests_passed": self.tests_passed,
            "tests_total": self.tests_total,
            "message": self.message,
        }

    @classmethod
    def from_row(cls, row: mock_store.StoredMockAnswer) -> AnswerResult:
        details = json.loads(row.details_json)
        kind: Literal["card", "problem"] = "problem" if row.kind == "problem" else "card"
        return cls(
            position=row.position,
            stage=row.stage,
            kind=kind,
            item_id=row.item_id,
            score=row.score,
            elapsed_seconds=row.elapsed_seconds,
            budget_seconds=row.budget_seconds,
            skipped=bool(details.get("skipped")),
            feedback=str(details.get("feedback") or ""),
            key_points=tuple(PointReport(**point) for point in details.get("key_points", ())),
            misconceptions=tuple(details.get("misconceptions", ())),
            verdict=details.get("verdict"),
            tests_passed=int(details.get("tests_passed") or 0),
            tests_total=int(details.get("tests_total") or 0),
            message=details.get("message"),
        )


def grade_text(card: Card, text: str, lang: str) -> GradeResult:
    """The grader's result for a spoken (typed) mock answer."""
    from mlinterview.grading.engine import grade_card

    return grade_card(card, text, lang)


def reported_points(result: GradeResult) -> tuple[PointReport, ...]:
    return tuple(PointReport(p.id, p.text, p.status, p.evidence) for p in result.key_points)


@dataclass(frozen=True)
class CodeOutcome:
    verdict: str
    passed: int
    total: int
    message: str | None

    @property
    def score(self) -> float:
        return self.passed / self.total if self.total else 0.0


#: Judges one code answer: the local sandbox here, or a judge worker in team mode.
CodeJudge = Callable[[str, str], CodeOutcome]


def outcome_of_stored(
    verdict: str, tests: Sequence[Mapping[str, Any]], error: str = ""
) -> CodeOutcome:
    """The outcome of a verdict a judge worker stored: its public tests carry the counts
    (visible tests one by one, the hidden ones as one count)."""
    passed = total = 0
    for test in tests:
        if test.get("kind") == "hidden":
            passed += int(test.get("passed", 0))
            total += int(test.get("total", 0))
        else:
            passed += test.get("verdict") == "Accepted"
            total += 1
    return CodeOutcome(verdict=verdict, passed=passed, total=total, message=error or None)


def judge_code(problem_id: str, code: str) -> CodeOutcome:
    """Run the submission through the sandboxed judge; only counts leave hidden tests."""
    from mlinterview.judge.problems import UnknownProblem, get_problem
    from mlinterview.judge.runner import JudgeUnavailable, default_judge

    try:
        result = default_judge().judge(get_problem(problem_id), code)
    except UnknownProblem as exc:
        raise MockError(f"{exc}; the bank changed since this mock was planned") from exc
    except JudgeUnavailable as exc:
        raise MockError(f"the judge cannot run here: {exc}") from exc
    return CodeOutcome(
        verdict=str(getattr(result.verdict, "value", result.verdict)),
        passed=int(result.passed_count),
        total=result.total_count,
        message=result.message,
    )


def grade_item(
    position: int,
    stage: Stage,
    item: PlanItem,
    text: str,
    elapsed_seconds: float,
    lang: str,
    *,
    bank: Bank | None = None,
    judge: CodeJudge = judge_code,
) -> AnswerResult:
    """Grade one answer without storing it (cards: feedback engine; code: ``judge``)."""
    base: dict[str, Any] = {
        "position": position,
        "stage": stage.value,
        "kind": item.kind,
        "item_id": item.id,
        "elapsed_seconds": max(0.0, float(elapsed_seconds)),
        "budget_seconds": item.seconds,
    }
    if not text.strip():
        return AnswerResult(score=0.0, skipped=True, **base)
    if item.kind == "problem":
        outcome = judge(item.id, text)
        return AnswerResult(
            score=outcome.score,
            skipped=False,
            verdict=outcome.verdict,
            tests_passed=outcome.passed,
            tests_total=outcome.total,
            message=outcome.message,
            **base,
        )
    card = (bank if bank is not None else bundled_bank()).get(item.id)
    if card is None:
        raise MockError(f"card {item.id!r} is no longer in the bank")
    graded = grade_text(card, text, lang)
    return AnswerResult(
        score=max(0.0, min(1.0, graded.score)),
        skipped=False,
        feedback=graded.feedback,
        key_points=reported_points(graded),
        misconceptions=tuple(m.claim for m in graded.misconceptions),
        **base,
    )


# -- state -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MockState:
    id: int
    plan: InterviewPlan
    lang: str
    started_at: datetime
    finished_at: datetime | None
    answers: Mapping[int, AnswerResult]
    last_activity: datetime | None = None  # the start or the latest answer: a timer's zero

    def entry(self, position: int) -> tuple[StagePlan, PlanItem]:
        for index, stage, item in self.plan.entries():
            if index == position:
                return stage, item
        raise MockError(f"mock #{self.id} has no question {position + 1}")

    def next_position(self) -> int | None:
        for index, _stage, _item in self.plan.entries():
            if index not in self.answers:
                return index
        return None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


def start_mock(
    store: Store,
    user_id: int,
    plan: InterviewPlan,
    lang: str,
    now: datetime | None = None,
    *,
    assignment_id: int | None = None,
) -> int:
    """Store a new mock interview for ``plan``; returns its id."""
    if lang not in ("en", "de"):
        raise MockError(f"unknown language {lang!r}; use en or de")
    if len(plan) == 0:
        raise MockError("the plan has no questions")
    return mock_store.insert_mock(
        store,
        user_id,
        assignment_id=assignment_id,
        role=plan.role,
        level=plan.level,
        lang=lang,
        minutes=plan.minutes,
        seed=plan.seed,
        plan_json=json.dumps(plan.to_dict(), sort_keys=True),
        started_at=now or utcnow(),
    )


def load_mock(store: Store, user_id: int, mock_id: int) -> MockState:
    """The user's mock; MockNotFound for a missing id and for someone else's mock alike."""
    row = mock_store.get_mock(store, user_id, mock_id)
    if row is None:
        raise MockNotFound(f"no mock interview #{mock_id}; `mlinterview mocks` lists them")
    return MockState(
        id=row.id,
        plan=InterviewPlan.from_dict(json.loads(row.plan_json)),
        lang=row.lang,
        started_at=row.started_at,
        finished_at=row.finished_at,
        answers={a.position: AnswerResult.from_row(a) for a in row.answers},
        last_activity=max([row.started_at, *(a.answered_at for a in row.answers if a.answered_at)]),
    )


def answer(
    store: Store,
    user_id: int,
    mock_id: int,
    position: int,
    text: str,
    elapsed_seconds: float,
    now: datetime | None = None,
    *,
    bank: Bank | None = None,
    judge: CodeJudge = judge_code,
) -> AnswerResult:
    """Grade the answer to question ``position`` and commit it in its own transaction."""
    state = load_mock(store, user_id, mock_id)
    if state.finished:
        raise MockError(f"mock #{mock_id} is already finished")
    if position in state.answers:
        raise MockError(f"question {position + 1} of mock #{mock_id} is already answered")
    if len(text) > MAX_ANSWER_CHARS:
        raise MockError(f"the answer is longer than {MAX_ANSWER_CHARS} characters")
    stage, item = state.entry(position)
    result = grade_item(
        position, stage.stage, item, text, elapsed_seconds, state.lang, bank=bank, judge=judge
    )
    stored = mock_store.StoredMockAnswer(
        position=position,
        stage=result.stage,
        kind=result.kind,
        item_id=result.item_id,
        answer=text,
        score=result.score,
        elapsed_seconds=result.elapsed_seconds,
        budget_seconds=result.budget_seconds,
        details_json=json.dumps(result.details(), ensure_ascii=False, sort_keys=True),
    )
    mock_store.insert_answer(
        store, mock_id, stored, over_time=result.over_time, answered_at=now or utcnow()
    )
    return result


# -- reports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionReport:
    number: str
    position: int
    kind: Literal["card", "problem"]
    item_id: str
    title: str
    budget_seconds: int
    answer: AnswerResult | None  # None: never reached

    @property
    def score(self) -> float:
        return self.answer.score if self.answer is not None else 0.0

    @property
    def covered(self) -> list[str]:
        if self.answer is None:
            return []
        return [p.text for p in self.answer.key_points if p.status == "covered"]

    @property
    def partly(self) -> list[str]:
        if self.answer is None:
            return []
        return [p.text for p in self.answer.key_points if p.status == "partly"]

    @property
    def missed(self) -> list[str]:
        if self.answer is None:
            return []
        return [p.text for p in self.answer.key_points if p.status == "missing"]

    @property
    def status(self) -> str:
        if self.answer is None:
            return "not reached"
        if self.answer.skipped:
            return "skipped"
        return "answered"


@dataclass(frozen=True)
class StageReport:
    stage: str
    title: str
    budget_seconds: int
    questions: tuple[QuestionReport, ...]

    @property
    def score(self) -> float:
        """Mean over the stage's questions; unanswered ones count as 0."""
        return sum(q.score for q in self.questions) / len(self.questions)

    @property
    def elapsed_seconds(self) -> float:
        return sum(q.answer.elapsed_seconds for q in self.questions if q.answer is not None)


@dataclass(frozen=True)
class ReviewCard:
    card_id: str
    question: str
    reason: str
    reached: bool = True  # False: the mock ended before this question was shown


@dataclass(frozen=True)
class Comparison:
    previous_id: int
    previous_score: float
    delta: float
    stage_deltas: dict[str, float]


@dataclass(frozen=True)
class MockReport:
    id: int
    role: str
    role_title: str
    level: str
    level_title: str
    lang: str
    minutes: int
    seed: int
    started_at: datetime
    finished_at: datetime | None
    stages: tuple[StageReport, ...]
    review: tuple[ReviewCard, ...]
    comparison: Comparison | None = None
    queued: int = 0
    skipped_stages: tuple[str, ...] = field(default=())

    @property
    def score(self) -> float:
        """Overall score: every stage counts the same, as separate interview rounds do."""
        if not self.stages:
            return 0.0
        return sum(stage.score for stage in self.stages) / len(self.stages)

    @property
    def stage_scores(self) -> dict[str, float]:
        return {stage.stage: stage.score for stage in self.stages}

    @property
    def over_time(self) -> list[QuestionReport]:
        return [
            q
            for stage in self.stages
            for q in stage.questions
            if q.answer is not None and q.answer.over_time
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "level": self.level,
            "lang": self.lang,
            "minutes": self.minutes,
            "seed": self.seed,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "score": round(self.score, 4),
            "stages": [
                {
                    "stage": stage.stage,
                    "score": round(stage.score, 4),
                    "budget_seconds": stage.budget_seconds,
                    "elapsed_seconds": round(stage.elapsed_seconds, 1),
                    "questions": [
                        {
                            "number": q.number,
                            "kind": q.kind,
                            "id": q.item_id,
                            "status": q.status,
                            "score": round(q.score, 4),
                            "budget_seconds": q.budget_seconds,
                            "elapsed_seconds": (
                                round(q.answer.elapsed_seconds, 1) if q.answer else None
                            ),
                            "over_time": bool(q.answer and q.answer.over_time),
                            "covered": q.covered,
                            "partly": q.partly,
                            "missed": q.missed,
                            "misconceptions": list(q.answer.misconceptions) if q.answer else [],
                            "verdict": q.answer.verdict if q.answer else None,
                            "tests_passed": q.answer.tests_passed if q.answer else 0,
                            "tests_total": q.answer.tests_total if q.answer else 0,
                        }
                        for q in stage.questions
                    ],
                }
                for stage in self.stages
            ],
            "review": [asdict(card) for card in self.review],
            "comparison": asdict(self.comparison) if self.comparison else None,
            "skipped_stages": list(self.skipped_stages),
        }


def _review_cards(
    mock_id: int,
    stages: Sequence[StageReport],
    lang: str,
    bank: Bank,
    problems: Mapping[str, ProblemInfo],
) -> tuple[ReviewCard, ...]:
    """Cards answered below REVIEW_BELOW, skipped or not reached; for failed code, its cards."""
    words = REASONS[lang]
    found: dict[str, ReviewCard] = {}
    for stage in stages:
        for q in stage.questions:
            solved = q.answer is not None and q.score >= REVIEW_BELOW
            if solved:
                continue
            if q.answer is None:
                reason = words["missing"].format(id=mock_id)
            elif q.answer.skipped:
                reason = words["skipped"].format(id=mock_id)
            else:
                reason = words["low"].format(id=mock_id, score=q.score)
            card_ids: list[str] = [q.item_id]
            if q.kind == "problem":
                info = problems.get(q.item_id)
                card_ids = list(info.cards) if info else []
                if q.answer is not None and not q.answer.skipped:
                    reason = words["code"].format(id=mock_id, problem=q.item_id)
            for card_id in card_ids:
                card = bank.get(card_id)
                if card is not None and card_id not in found:
                    question = card.question.get(lang).strip()
                    found[card_id] = ReviewCard(card_id, question, reason, q.answer is not None)
    return tuple(found.values())


def _title(item: PlanItem, lang: str, bank: Bank, problems: Mapping[str, ProblemInfo]) -> str:
    if item.kind == "problem":
        info = problems.get(item.id)
        return info.title.get(lang) if info else item.id
    card = bank.get(item.id)
    return " ".join(card.question.get(lang).split()) if card else item.id


def build_report(
    state: MockState,
    *,
    bank: Bank | None = None,
    problems: Mapping[str, ProblemInfo] | None = None,
    previous: MockState | None = None,
    queued: int = 0,
) -> MockReport:
    """Report data from a mock's stored state (pure: no database writes)."""
    bank = bank if bank is not None else bundled_bank()
    problem_map = problems if problems is not None else bundled_problems()
    lang = state.lang
    stages: list[StageReport] = []
    for index, stage_number, stage, item in _numbered(state.plan):
        if not stages or stages[-1].stage != stage.stage.value:
            stages.append(
                StageReport(
                    stage.stage.value, STAGE_TITLES[stage.stage].get(lang), stage.seconds, ()
                )
            )
        question = QuestionReport(
            number=stage_number,
            position=index,
            kind=item.kind,
            item_id=item.id,
            title=_title(item, lang, bank, problem_map),
            budget_seconds=item.seconds,
            answer=state.answers.get(index),
        )
        last = stages[-1]
        stages[-1] = StageReport(
            last.stage, last.title, last.budget_seconds, (*last.questions, question)
        )
    comparison = None
    if previous is not None:
        old = build_report(previous, bank=bank, problems=problem_map)
        now_report_score = sum(s.score for s in stages) / len(stages) if stages else 0.0
        comparison = Comparison(
            previous_id=previous.id,
            previous_score=old.score,
            delta=now_report_score - old.score,
            stage_deltas={
                s.stage: s.score - old.stage_scores[s.stage]
                for s in stages
                if s.stage in old.stage_scores
            },
        )
    plan = state.plan
    return MockReport(
        id=state.id,
        role=plan.role,
        role_title=ROLE_TITLES[plan.role].get(lang),
        level=plan.level,
        level_title=LEVEL_TITLES[plan.level].get(lang),
        lang=lang,
        minutes=plan.minutes,
        seed=plan.seed,
        started_at=state.started_at,
        finished_at=state.finished_at,
        stages=tuple(stages),
        review=_review_cards(state.id, stages, lang, bank, problem_map),
        comparison=comparison,
        queued=queued,
        skipped_stages=tuple(STAGE_TITLES[s].get(lang) for s in plan.skipped),
    )


def _numbered(plan: InterviewPlan) -> list[tuple[int, str, StagePlan, PlanItem]]:
    rows = []
    position = 0
    for stage_number, stage in enumerate(plan.stages, start=1):
        for item_number, item in enumerate(stage.items, start=1):
            rows.append((position, f"{stage_number}.{item_number}", stage, item))
            position += 1
    return rows


def _previous_finished(store: Store, user_id: int, state: MockState) -> MockState | None:
    """The same person's latest finished mock of the role that started before this one."""
    previous_id = mock_store.previous_finished_id(
        store, user_id, role=state.plan.role, exclude_id=state.id, started_before=state.started_at
    )
    return load_mock(store, user_id, previous_id) if previous_id is not None else None


def finish(
    store: Store,
    user_id: int,
    mock_id: int,
    now: datetime | None = None,
    *,
    bank: Bank | None = None,
    problems: Mapping[str, ProblemInfo] | None = None,
) -> MockReport:
    """Score the mock, store the scores, queue the cards to review; returns the report.

    Questions never answered count as 0 and are listed for review; only answered ones
    (weak or skipped) are queued at the front of practice.
    """
    from mlinterview.practice.scheduling import PracticeService

    state = load_mock(store, user_id, mock_id)
    finished_at = state.finished_at or now or utcnow()
    state = MockState(
        state.id, state.plan, state.lang, state.started_at, finished_at, state.answers
    )
    report = build_report(
        state, bank=bank, problems=problems, previous=_previous_finished(store, user_id, state)
    )
    mock_store.mark_finished(
        store,
        user_id,
        mock_id,
        finished_at=finished_at,
        score=report.score,
        stage_scores_json=json.dumps(report.stage_scores, sort_keys=True),
    )
    # Weak and skipped answers go to the front of practice; questions never reached are
    # listed in the report but not queued: nothing was learnt about them.
    queued = PracticeService(store, user_id).enqueue(
        [card.card_id for card in report.review if card.reached],
        reason=f"mock #{mock_id}",
        now=finished_at,
    )
    return MockReport(**{**report.__dict__, "queued": queued})


def mock_report(
    store: Store,
    user_id: int,
    mock_id: int,
    *,
    bank: Bank | None = None,
    problems: Mapping[str, ProblemInfo] | None = None,
) -> MockReport:
    """The report of a stored mock (finished or not), compared with the one before it."""
    state = load_mock(store, user_id, mock_id)
    previous = _previous_finished(store, user_id, state)
    return build_report(state, bank=bank, problems=problems, previous=previous)


# -- history ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MockSummary:
    id: int
    role: str
    level: str
    lang: str
    minutes: int
    seed: int
    started_at: datetime
    finished: bool
    answered: int
    questions: int
    score: float | None
    stage_scores: dict[str, float]
    previous_id: int | None
    delta: float | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        return data


def list_mocks(store: Store, user_id: int) -> list[MockSummary]:
    """The user's mocks, oldest first; finished ones compared with the previous of their
    role."""
    last: dict[str, tuple[int, float]] = {}
    result: list[MockSummary] = []
    for listing in mock_store.list_mocks(store, user_id):
        row = listing.mock
        plan = json.loads(row.plan_json)
        total = sum(len(stage["items"]) for stage in plan["stages"])
        finished = row.finished_at is not None and row.score is not None
        previous = last.get(row.role)
        delta = None
        if finished and previous is not None and row.score is not None:
            delta = row.score - previous[1]
        result.append(
            MockSummary(
                id=row.id,
                role=row.role,
                level=row.level,
                lang=row.lang,
                minutes=row.minutes,
                seed=row.seed,
                started_at=row.started_at,
                finished=finished,
                answered=listing.answered,
                questions=total,
                score=row.score,
                stage_scores=json.loads(listing.stage_scores_json or "{}"),
                previous_id=previous[0] if finished and previous else None,
                delta=delta,
            )
        )
        if finished and row.score is not None:
            last[row.role] = (row.id, row.score)
    return result


# -- rendering -------------------------------------------------------------------------------


def report_labels(lang: str) -> dict[str, str]:
    return REPORT_LABELS[lang]


def report_title(report: MockReport) -> str:
    return report_labels(report.lang)["title"].format(
        id=report.id, role=report.role_title, level=report.level_title
    )


def comparison_line(report: MockReport) -> str:
    t = report_labels(report.lang)
    if report.comparison is None:
        return t["first"]
    c = report.comparison
    return t["compare"].format(prev=c.previous_id, prev_score=c.previous_score, delta=c.delta)


def report_markdown(report: MockReport) -> str:
    from mlinterview.judge.messages import message_in

    t = report_labels(report.lang)
    out = [f"# {report_title(report)}", ""]
    out.append(
        t["meta"].format(
            started=f"{report.started_at:%Y-%m-%d %H:%M}",
            minutes=report.minutes,
            lang=report.lang,
            seed=report.seed,
        )
    )
    out += ["", f"**{t['overall']}: {report.score:.0%}** · {comparison_line(report)}", ""]
    out += [f"| {t['stage']} | {t['score']} | {t['time']} |", "|---|---|---|"]
    for stage in report.stages:
        out.append(
            f"| {stage.title} | {stage.score:.0%} | {format_seconds(stage.elapsed_seconds)} / "
            f"{format_seconds(stage.budget_seconds)} |"
        )
    if report.skipped_stages:
        out += ["", f"{t['skipped_stages']}: {', '.join(report.skipped_stages)}."]
    for stage in report.stages:
        out += ["", f"## {stage.title}: {stage.score:.0%}"]
        for q in stage.questions:
            out += ["", f"### {q.number} {md_cell(q.title)}", ""]
            line = f"{t[q.status]} · {t['score']} {q.score:.0%}"
            if q.answer is not None:
                line += (
                    f" · {format_seconds(q.answer.elapsed_seconds)} / "
                    f"{format_seconds(q.budget_seconds)}"
                )
                if q.answer.over_time:
                    line += f" · **{t['over'].format(over=format_seconds(q.answer.over_seconds))}**"
            out.append(line)
            if q.answer is not None and q.answer.verdict:
                out += [
                    "",
                    f"{t['verdict']}: {q.answer.verdict} · "
                    f"{q.answer.tests_passed}/{q.answer.tests_total} {t['tests']}",
                ]
                message = message_in(q.answer.message, report.lang)
                if message:
                    out += ["", f"> {' '.join(message.split())}"]
            for key in ("covered", "partly", "missed"):
                items = getattr(q, key)
                if items:
                    out += ["", f"**{t[key]}**", ""] + [f"- {' '.join(i.split())}" for i in items]
            if q.answer is not None and q.answer.misconceptions:
                out += ["", f"**{t['misconceptions']}**", ""]
                out += [f"- {' '.join(m.split())}" for m in q.answer.misconceptions]
            if q.answer is not None and q.answer.feedback:
                out += ["", f"**{t['feedback']}:** {' '.join(q.answer.feedback.split())}"]
    out += ["", f"## {t['review']}", ""]
    if report.review:
        out += [
            f"- `{c.card_id}`: {' '.join(c.question.split())} ({c.reason})" for c in report.review
        ]
    else:
        out.append(t["none"].format(threshold=REVIEW_BELOW))
    return "\n".join(out) + "\n"


def report_html(report: MockReport, *, body_only: bool = False) -> str:
    """The report as a standalone page, or only its body (for the web app's own page)."""
    return render_template(
        "mock_report.html.j2",
        body_only=body_only,
        report=report,
        t=report_labels(report.lang),
        title=report_title(report),
        comparison=comparison_line(report),
        threshold=REVIEW_BELOW,
    )


def write_report(report: MockReport, out_dir: Path) -> tuple[Path, Path]:
    """Write ``mock-<id>-<role>.md`` and ``.html`` into ``out_dir``; returns both paths."""
    stem = f"mock-{report.id}-{report.role}"
    md_path = out_dir / f"{stem}.md"
    html_path = out_dir / f"{stem}.html"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        md_path.write_text(report_markdown(report), encoding="utf-8")
        html_path.write_text(report_html(report), encoding="utf-8")
    except OSError as exc:
        raise MockError(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from exc
    return md_path, html_path


def default_reports_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("mlinterview", appauthor=False)) / "reports"


# -- what a front end shows per question -------------------------------------------------------


@dataclass(frozen=True)
class QuestionView:
    position: int
    number: str
    total: int
    stage: str
    stage_title: str
    kind: Literal["card", "problem"]
    id: str
    title: str
    prompt: str  # Markdown
    seconds: int


def question_view(
    state: MockState,
    position: int,
    *,
    bank: Bank | None = None,
    problems: Mapping[str, ProblemInfo] | None = None,
) -> QuestionView:
    """Everything a front end needs to put question ``position`` on screen."""
    bank = bank if bank is not None else bundled_bank()
    problem_map = problems if problems is not None else bundled_problems()
    for index, number, stage, item in _numbered(state.plan):
        if index != position:
            continue
        if item.kind == "problem":
            info = problem_map.get(item.id)
            prompt = info.statement.get(state.lang).strip() if info else item.id
        else:
            card = bank.get(item.id)
            prompt = card.question.get(state.lang).strip() if card else item.id
        return QuestionView(
            position=index,
            number=number,
            total=len(state.plan),
            stage=stage.stage.value,
            stage_title=STAGE_TITLES[stage.stage].get(state.lang),
            kind=item.kind,
            id=item.id,
            title=_title(item, state.lang, bank, problem_map),
            prompt=prompt,
            seconds=item.seconds,
        )
    raise MockError(f"mock #{state.id} has no question {position + 1}")
