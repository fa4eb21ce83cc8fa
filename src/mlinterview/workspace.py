"""The one object the CLI and the web app call: bank, problems, labs, store and judge.

Every use case is one method here; adapters only parse input, call it and render what
it returns (like sqlite-utils' ``Database`` for its CLI and Datasette). It is also where
per-user scoping lives: a Workspace acts for one user (the local user unless told
otherwise), and everything that reads or writes a person's data passes through it to
store functions that take that user.

    >>> ws = Workspace("sqlite:///:memory:")
    >>> card = ws.card("overfitting")
    >>> ws.cards(topic="statistics")[0].topic.value
    'statistics'
    >>> feedback = ws.assess("overfitting", "More data and regularisation help.", "en")
    >>> outcome = ws.record_rating("overfitting", 3, lang="en")
    >>> ws.close()

In team mode the server holds one Workspace and serves each request from
``ws.for_user(user_id)``: the same bank, store and judge, scoped to that person.

The store, the judge and the practice service are created on first use, so a command that
lists cards never opens a database or starts a sandbox.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlinterview.vocabulary import (
    LANGUAGES,
    Difficulty,
    Role,
    Section,
    Source,
    Topic,
    check_choice,
)

if TYPE_CHECKING:
    from mlinterview.content.index import CardEntry
    from mlinterview.content.loader import Bank
    from mlinterview.content.schema import Card
    from mlinterview.grading.engine import GradeResult
    from mlinterview.interviews.mock import (
        AnswerResult,
        CodeOutcome,
        MockReport,
        MockState,
        MockSummary,
        QuestionView,
    )
    from mlinterview.judge.problems import Problem
    from mlinterview.judge.runner import Judge
    from mlinterview.judge.verdict import JudgeResult
    from mlinterview.labs.base import Lab, LabResult
    from mlinterview.practice.dashboard import Dashboard, DashboardCache
    from mlinterview.practice.hints import HintResult
    from mlinterview.practice.problem_info import ProblemInfo
    from mlinterview.practice.scheduling import PracticeService, ReviewOutcome, TopicStats
    from mlinterview.practice.session import PracticeResult
    from mlinterview.store.cohorts import StoredComment, StoredMember
    from mlinterview.store.db import Store
    from mlinterview.store.practice import StoredCardState
    from mlinterview.store.submissions import StoredSubmission
    from mlinterview.team.accounts import Accounts
    from mlinterview.team.cohorts import (
        AssignmentStatus,
        CandidateAnswers,
        CandidateOverview,
        Coaching,
        CohortDashboard,
        CohortView,
    )


class CardNotFound(LookupError):
    """No card with that id."""


class BatchRecordError(ValueError):
    """One line of a batch cannot be graded; the message names the line and the fix."""


from mlinterview.store import LOCAL_USER_ID  # noqa: E402 - a light package, no SQLAlchemy


def random_seed() -> int:
    """The seed of a mock or kit nobody chose one for; it is recorded, so it can be replayed."""
    return random.SystemRandom().randrange(1, 10**6)


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use en or de")
    return lang


@dataclass(frozen=True)
class PracticeQueue:
    """The practice page's cards in order, and how many are due now and never seen."""

    cards: list[Card]
    due: int
    new: int


def _queue_counts(
    pool: Iterable[Card], states: dict[str, StoredCardState], queued_ids: list[str]
) -> tuple[int, int]:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    queued = set(queued_ids)
    cards = list(pool)
    due = sum(1 for c in cards if c.id in queued or (c.id in states and states[c.id].due <= now))
    new = sum(1 for c in cards if c.id not in states and c.id not in queued)
    return due, new


@dataclass(frozen=True)
class MockStep:
    """An answer in a mock interview and, when it was the last one, the finished report."""

    answer: AnswerResult
    report: MockReport | None


class Workspace:
    """Bank, store, judge and labs behind one method per use case (see the module doc)."""

    def __init__(
        self,
        store: Store | str | None = None,
        *,
        bank: Bank | None = None,
        bank_dir: Path | None = None,
        judge: Judge | None = None,
        user_id: int | None = None,
        judge_on_queue: bool = False,
    ) -> None:
        self.user_id = LOCAL_USER_ID if user_id is None else user_id
        # Team mode: code (mock answers too) is judged by workers, never in this process.
        self.judge_on_queue = judge_on_queue
        self._store_arg = store
        self._store: Store | None = store if not isinstance(store, str | None) else None
        self._bank = bank
        self.bank_dir = bank_dir
        self._judge = judge
        self._practice: PracticeService | None = None
        self._dashboard: DashboardCache | None = None
        self._accounts: Accounts | None = None
        self._coaching: Coaching | None = None

    # -- parts, created on first use ------------------------------------------------------
    @property
    def bank(self) -> Bank:
        if self._bank is None:
            from mlinterview.content.loader import bundled_bank, load_bank

            self._bank = bundled_bank() if self.bank_dir is None else load_bank(self.bank_dir)
        return self._bank

    @property
    def store(self) -> Store:
        """The database (default: the user's SQLite file); StoreError if it cannot open."""
        if self._store is None:
            from mlinterview.store.db import open_store

            url = self._store_arg if isinstance(self._store_arg, str) else None
            self._store = open_store(url)
        return self._store

    @property
    def judge(self) -> Judge:
        if self._judge is None:
            from mlinterview.judge.runner import default_judge

            self._judge = default_judge()
        return self._judge

    @property
    def practice(self) -> PracticeService:
        if self._practice is None:
            from mlinterview.practice.scheduling import PracticeService

            self._practice = PracticeService(self.store, self.user_id)
        return self._practice

    def for_user(self, user_id: int) -> Workspace:
        """The same parts acting for another user (one per request in team mode)."""
        return Workspace(
            self.store,
            bank=self.bank,
            bank_dir=self.bank_dir,
            judge=self._judge,
            user_id=user_id,
            judge_on_queue=self.judge_on_queue,
        )

    def warm_up(self) -> None:
        """Pay now what the first requests would pay (a team server process calls this
        before it accepts connections): the bank, and the grader's lemma dictionaries and
        sentence encoder for each language. Otherwise the first requests of a crowd each
        start loading them at once, on every thread, for seconds."""
        first = next(iter(self.bank), None)
        if first is not None:
            for lang in ("en", "de"):
                self.assess(first, "More data lowers the variance of the model.", lang)

    def close(self) -> None:
        if self._store is not None and self._store_arg is not self._store:
            self._store.close()

    # -- the bank --------------------------------------------------------------------------
    def card(self, card_id: str) -> Card:
        card = self.bank.get(card_id)
        if card is None:
            raise CardNotFound(
                f"no question with id {card_id!r}; see `mlinterview list` or `search`"
            )
        return card

    def cards(
        self,
        *,
        topic: str | None = None,
        role: str | None = None,
        difficulty: str | None = None,
        source: str | None = None,
        section: str | None = None,
    ) -> list[Card]:
        """Cards matching every filter; an unknown value is a ValueError naming the options.

        ``section`` selects the article's cards of one of its sections, in the article's
        terms (the topics are subjects; see ``vocabulary.Section``)."""
        chosen = {
            "topic": check_choice(topic, Topic, "topic"),
            "role": check_choice(role, Role, "role"),
            "difficulty": check_choice(difficulty, Difficulty, "difficulty"),
            "source": check_choice(source, Source, "source"),
            "section": check_choice(section, Section, "section"),
        }
        return self.bank.filter(**chosen)

    def summaries(
        self, *, topic: str | None = None, role: str | None = None, section: str | None = None
    ) -> list[CardEntry]:
        """What listing needs of each card, without loading the bank (a cached index)."""
        from mlinterview.content.index import card_entries, entries_of

        topic = check_choice(topic, Topic, "topic")
        role = check_choice(role, Role, "role")
        section = check_choice(section, Section, "section")
        entries = entries_of(self._bank) if self._bank is not None else card_entries(self.bank_dir)
        return [
            entry
            for entry in entries
            if (topic is None or entry.topic == topic)
            and (role is None or role in entry.roles)
            and (section is None or entry.section == section)
        ]

    def search(self, text: str = "", **filters: str | None) -> list[Card]:
        """Cards whose text (either language) matches ``text``, within the filters."""
        allowed = {card.id for card in self.cards(**filters)}
        found = self.bank.search(text) if text.strip() else list(self.bank)
        return [card for card in found if card.id in allowed]

    # -- practice --------------------------------------------------------------------------
    def next_cards(
        self,
        *,
        topic: str | None = None,
        role: str | None = None,
        limit: int | None = None,
        skip: Iterable[str] = (),
    ) -> list[Card]:
        """Queued cards first, then due ones, then new ones (spaced repetition); cards in
        ``skip`` (skipped in this session) come last."""
        return self.practice_queue(topic=topic, role=role, limit=limit, skip=skip).cards

    def practice_queue(
        self,
        *,
        topic: str | None = None,
        role: str | None = None,
        limit: int | None = None,
        skip: Iterable[str] = (),
    ) -> PracticeQueue:
        """What the practice page shows: ``next_cards`` and ``queue_counts`` from one read
        of the person's card states (one transaction per page, not four)."""
        pool = self.cards(topic=topic, role=role)
        snapshot = self.practice.snapshot()
        ordered = self.practice.next_cards(pool, snapshot=snapshot)
        skipped = set(skip)
        ordered = [c for c in ordered if c.id not in skipped] + [
            c for c in ordered if c.id in skipped
        ]
        due, new = _queue_counts(pool, *snapshot)
        return PracticeQueue(ordered[:limit] if limit is not None else ordered, due, new)

    def assess(self, card: Card | str, answer: str, lang: str) -> PracticeResult:
        """Feedback on a typed answer: score, key-point statuses, a suggested rating."""
        from mlinterview.practice.session import assess_answer

        found = self.card(card) if isinstance(card, str) else card
        return assess_answer(found, answer, check_lang(lang))

    def record_rating(
        self,
        card_id: str,
        rating: int,
        *,
        lang: str,
        answer: str | None = None,
        assessment: PracticeResult | None = None,
        duration_ms: int | None = None,
        origin: str = "practice",
    ) -> ReviewOutcome:
        """Schedule the card and log the review in one transaction.

        The stored score is the grader's, computed here from the answer (or taken from an
        ``assessment`` this process made): a score sent along with a form is never stored.
        """
        card = self.card(card_id)
        if assessment is None and answer and answer.strip():
            assessment = self.assess(card, answer, lang)
        outcome = self.practice.record_review(
            card.id,
            rating,
            lang=check_lang(lang),
            answer=answer or None,
            score=assessment.score if assessment is not None else None,
            duration_ms=duration_ms,
            origin=origin,
        )
        if self._dashboard is not None:
            self._dashboard.invalidate()
        return outcome

    def rating_intervals(self, card_id: str) -> dict[int, timedelta]:
        """When the card would come back after each rating (1-4), without rating it."""
        return self.practice.intervals(self.card(card_id).id)

    def undo_last_rating(self) -> str | None:
        """Take back the latest rating; the card's id, or None if there was none."""
        card_id = self.practice.undo_last()
        if self._dashboard is not None:
            self._dashboard.invalidate()
        return card_id

    def queue_counts(self, *, topic: str | None = None, role: str | None = None) -> tuple[int, int]:
        """(cards due or queued now, cards never seen) within the filters."""
        return _queue_counts(self.cards(topic=topic, role=role), *self.practice.snapshot())

    def stats(self) -> list[TopicStats]:
        return self.practice.stats(self.bank)

    def dashboard(self) -> Dashboard:
        if self._dashboard is None:
            from mlinterview.practice.dashboard import DashboardCache

            total = len(self.problems())
            self._dashboard = DashboardCache(self.practice, self.bank, problems_total=total)
        return self._dashboard.get()

    # -- answer feedback -------------------------------------------------------------------
    def grade(self, card_id: str, text: str, lang: str) -> GradeResult:
        from mlinterview.grading.engine import grade_card

        return grade_card(self.card(card_id), text, check_lang(lang))

    def grade_batch(self, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
        """Grade JSON Lines records in order; a bad line raises BatchRecordError naming it.

        A record with an ``id`` of a bank card is graded against that card's rubric;
        otherwise against its own ``question`` and ``reference_answer``.
        """
        from mlinterview.grading.engine import grade_card, grade_free

        jobs = [
            (n, _batch_record(line, n)) for n, line in enumerate(lines, start=1) if line.strip()
        ]
        for n, record in jobs:
            card_id = record.get("id")
            if card_id is not None:
                card = self.bank.get(str(card_id))
                if card is None:
                    raise BatchRecordError(f"line {n}: no bank card with id {card_id!r}")
                result = grade_card(card, record["answer"], record["lang"])
            else:
                result = grade_free(
                    record["question"], record["reference_answer"], record["answer"], record["lang"]
                )
            yield {"line": n, **result.to_dict()}

    # -- mock interviews and kits ----------------------------------------------------------
    def start_mock(
        self,
        role: str,
        *,
        minutes: int = 45,
        level: str = "mid",
        lang: str = "en",
        seed: int | None = None,
    ) -> MockState:
        """Plan and store a mock; without a seed a random one is drawn (and recorded)."""
        from mlinterview.interviews.mock import load_mock, start_mock
        from mlinterview.interviews.plan import PlanError, plan_interview

        if seed is not None and seed < 0:
            raise PlanError(f"seed must be 0 or more, not {seed}")
        chosen = seed if seed is not None else random_seed()
        plan = plan_interview(role, minutes, chosen, level, problems=self._judgeable_problems())
        mock_id = start_mock(self.store, self.user_id, plan, check_lang(lang))
        return load_mock(self.store, self.user_id, mock_id)

    def mock(self, mock_id: int) -> MockState:
        """A stored mock; MockError (a LookupError) when there is none with this id."""
        from mlinterview.interviews.mock import load_mock

        return load_mock(self.store, self.user_id, mock_id)

    def mock_clock(self, mock_id: int) -> float:
        """Seconds since the mock started or its latest answer: the open question's time."""
        from datetime import UTC, datetime

        state = self.mock(mock_id)
        since = state.last_activity or state.started_at
        return max(0.0, (datetime.now(UTC) - since).total_seconds())

    def mock_question(self, mock_id: int) -> QuestionView | None:
        """The next unanswered question, or None when every question has an answer."""
        from mlinterview.interviews.mock import question_view

        state = self.mock(mock_id)
        position = state.next_position()
        if state.finished or position is None:
            return None
        return question_view(state, position)

    def answer_mock(
        self, mock_id: int, position: int, text: str, elapsed: float | None = None
    ) -> MockStep:
        """Grade and store one answer; the last answer finishes the mock (scores, review queue).

        Without ``elapsed`` the time is the server's: from the mock's start or its latest
        answer until now, so reloading a question cannot reset its clock.
        """
        from mlinterview.interviews.mock import answer, judge_code

        if elapsed is None:
            elapsed = self.mock_clock(mock_id)
        judge = self._judge_code_on_queue if self.judge_on_queue else judge_code
        result = answer(self.store, self.user_id, mock_id, position, text, elapsed, judge=judge)
        report = None
        if self.mock(mock_id).next_position() is None:
            report = self.finish_mock(mock_id)
        return MockStep(result, report)

    def finish_mock(self, mock_id: int) -> MockReport:
        """End a mock now: unanswered questions score 0 and their cards are queued."""
        from mlinterview.interviews.mock import finish

        report = finish(self.store, self.user_id, mock_id)
        if self._dashboard is not None:
            self._dashboard.invalidate()
        return report

    def mock_report(self, mock_id: int) -> MockReport:
        """The report of a stored mock, finished or not; reads only. A coach who may see the
        owner (``can_see``) reads it too; anyone else gets MockNotFound, as for no mock."""
        from mlinterview.interviews.mock import MockNotFound, mock_report
        from mlinterview.store.mocks import mock_owner

        owner = mock_owner(self.store, mock_id)
        if owner is None or not self.can_see(owner):
            raise MockNotFound(f"no mock interview #{mock_id}; `mlinterview mocks` lists them")
        return mock_report(self.store, owner, mock_id)

    def mocks(self) -> list[MockSummary]:
        from mlinterview.interviews.mock import list_mocks

        return list_mocks(self.store, self.user_id)

    def kit(
        self,
        role: str,
        *,
        level: str = "mid",
        minutes: int = 60,
        lang: str = "en",
        seed: int | None = None,
        fmt: str = "md",
    ) -> tuple[bytes, int]:
        """An interviewer kit as bytes in ``fmt`` (md, html, pdf) and the seed it used."""
        from mlinterview.interviews.kits import FORMATS, build_kit, render_kit
        from mlinterview.interviews.plan import PlanError, plan_interview

        if fmt not in FORMATS:
            raise PlanError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        chosen = seed if seed is not None else random_seed()
        plan = plan_interview(role, minutes, chosen, level)
        return render_kit(build_kit(plan, check_lang(lang)), fmt), chosen

    # -- labs ------------------------------------------------------------------------------
    def labs(self) -> list[Lab]:
        from mlinterview.labs.registry import all_labs

        return all_labs()

    def lab(self, lab_id: str) -> Lab:
        """A registered lab; LabNotFoundError (a LookupError) otherwise."""
        from mlinterview.labs.registry import get_lab

        return get_lab(lab_id)

    def run_lab(
        self,
        lab_id: str,
        overrides: Mapping[str, Any] | None = None,
        *,
        lang: str = "en",
        render: bool = True,
    ) -> LabResult:
        from mlinterview.labs.registry import run_lab

        return run_lab(lab_id, overrides, render=render, lang=check_lang(lang))

    # -- coding problems -------------------------------------------------------------------
    def problems(self, topic: str | None = None) -> list[Problem]:
        """Problems, optionally of one topic (ValueError naming the topics if unknown)."""
        from mlinterview.judge.service import list_problems

        return list_problems(check_choice(topic, Topic, "topic"))

    def problem(self, problem_id: str) -> Problem:
        """A problem; UnknownProblem (a LookupError) names the closest id otherwise."""
        from mlinterview.judge.problems import get_problem

        return get_problem(problem_id)

    def judge_submission(
        self,
        problem_id: str,
        source: str | bytes,
        *,
        visible_only: bool = False,
        save: bool = True,
    ) -> JudgeResult:
        """Judge code in the sandbox (only the examples with ``visible_only``) and store
        the verdict of a full run."""
        from mlinterview.judge.service import judge_source

        problem = self.problem(problem_id)
        text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
        result = judge_source(problem, source, visible_only=visible_only, judge=self.judge)
        if save and not visible_only:
            self.save_submission(result, text)
        return result

    def _judgeable_problems(self) -> dict[str, ProblemInfo]:
        """The problems a mock may draw: those whose judge can run here. A mock is answered
        and judged on this installation; a PyTorch problem without torch would end its
        coding stage in a Judge Error. (Kits are read, not judged: they draw from all.)"""
        from mlinterview.judge.runner import runtime_installed
        from mlinterview.practice.problem_info import bundled_problems

        return {
            pid: info
            for pid, info in bundled_problems().items()
            if runtime_installed(self.problem(pid))
        }

    def problem_libraries(self, problem_id: str) -> dict[str, list[str]]:
        """What a solution may import, and which of those are not installed here."""
        from mlinterview.judge.service import libraries, missing_libraries

        needed = libraries(self.problem(problem_id))  # reads the reference's imports once
        return {"libraries": needed, "missing": missing_libraries(needed)}

    def problem_examples(self, problem_id: str) -> list[tuple[dict[str, Any], Any]]:
        """The visible examples with their expected values (computed by the reference
        where the bank leaves them out)."""
        from mlinterview.judge.problems import load_tests
        from mlinterview.judge.runner import runtime_installed

        problem = self.problem(problem_id)
        if not runtime_installed(problem):  # the reference cannot run: the file's own values
            return [(e.args, e.expected) for e in problem.examples]
        return [(t.args, t.expected) for t in load_tests(problem).examples]

    def hints(self, problem_id: str, lang: str, *, reveal: bool = False) -> HintResult:
        """The hints seen so far for a problem; ``reveal`` shows (and records) the next one.
        Solves after the first hint count as "solved with hints"."""
        from mlinterview.practice.hints import HintResult
        from mlinterview.store import submissions

        problem = self.problem(problem_id)
        lang = check_lang(lang)
        total = len(problem.hints)
        new = False
        if reveal:
            new = submissions.reveal_hint(self.store, self.user_id, problem.id, total) is not None
        seen = min(submissions.hints_revealed(self.store, self.user_id, problem.id), total)
        shown = tuple(hint.get(lang) for hint in problem.hints[:seen])
        return HintResult(problem.id, shown, total, new)

    def problem_statuses(self) -> dict[str, str]:
        """Per problem id: "solved" (Accepted before any hint), "solved_with_hints" or
        "attempted"."""
        from mlinterview.store.submissions import problem_statuses

        return problem_statuses(self.store, self.user_id)

    def submissions(self, problem_id: str, limit: int = 10) -> list[StoredSubmission]:
        """A problem's latest submissions, newest first."""
        from mlinterview.store.submissions import recent_submissions

        return recent_submissions(self.store, self.user_id, self.problem(problem_id).id, limit)

    def judge_file(self, problem_id: str, path: Path) -> tuple[JudgeResult, str]:
        """Judge a solution file (SubmissionFileError if unreadable); not stored yet."""
        from mlinterview.judge.service import judge_file

        self.problem(problem_id)
        return judge_file(problem_id, path, self.judge)

    def save_submission(self, result: JudgeResult, code: str) -> int:
        """Store a verdict's public form (never hidden data) with the code; returns its id."""
        from mlinterview.judge.service import save_result

        return save_result(result, code.replace("\x00", "\ufffd"), self.store, self.user_id)

    # -- team: accounts --------------------------------------------------------------------
    @property
    def accounts(self) -> Accounts:
        """Users, passwords, login limits and sessions (team mode; server-wide, not per user)."""
        if self._accounts is None:
            from mlinterview.team.accounts import Accounts

            self._accounts = Accounts(self.store)
        return self._accounts

    # -- team: judge jobs ------------------------------------------------------------------
    def submit_for_judging(self, problem_id: str, source: str | bytes) -> int:
        """Queue code for a judge worker (team mode); returns the submission's id at once.

        The row is stored ``queued`` for this user and only its id goes to the broker.
        Code over the judge's size cap is not queued: it is stored done with the local
        judge's Compile Error (the same bound and message), and its text is not kept.
        BrokerNotConfigured / BrokerUnavailable say what to fix."""
        from mlinterview.judge import protocol
        from mlinterview.judge.service import save_result, too_large
        from mlinterview.team.jobs import broker_url, enqueue

        broker_url()  # no broker: the one-line error before anything is stored
        problem = self.problem(problem_id)
        data = source.encode("utf-8") if isinstance(source, str) else source
        if len(data) > protocol.MAX_SOURCE_BYTES:
            return save_result(too_large(problem, len(data), ()), "", self.store, self.user_id)
        text = data.decode("utf-8", "replace").replace("\x00", "\ufffd")
        return enqueue(self.store, self.user_id, problem.id, text)

    def _judge_code_on_queue(self, problem_id: str, code: str) -> CodeOutcome:
        """A mock's code answer in team mode: queued like any submission (it shows in the
        user's submissions) and waited for, so the mock stays one step per answer."""
        from mlinterview.interviews.mock import MockError, outcome_of_stored
        from mlinterview.team.jobs import (
            MOCK_VERDICT_TIMEOUT,
            BrokerUnavailable,
            NoVerdict,
            wait_for_verdict,
        )

        try:
            queued = self.submit_for_judging(problem_id, code)
            done = wait_for_verdict(self.store, self.user_id, queued, MOCK_VERDICT_TIMEOUT)
        except (BrokerUnavailable, NoVerdict) as exc:
            raise MockError(f"{exc}; the answer was not saved, send it again") from exc
        return outcome_of_stored(done.verdict, done.tests, done.error)

    def submission(self, submission_id: int) -> StoredSubmission:
        """One of this user's submissions in any state (queued, running, done);
        SubmissionNotFound (a LookupError) for an unknown id or another user's."""
        from mlinterview.store.jobs import load_submission

        return load_submission(self.store, self.user_id, submission_id)

    # -- team: cohorts --------------------------------------------------------------------
    # Cohorts, assignments, the cohort dashboard and coach comments (team/cohorts.py decides
    # who sees what: NotVisible, a LookupError, for anything this user may not see).
    @property
    def coaching(self) -> Coaching:
        if self._coaching is None:
            from mlinterview.team.cohorts import Coaching

            self._coaching = Coaching(
                self.store, self.bank, self.user_id, lambda: [p.id for p in self.problems()]
            )
        return self._coaching

    def as_user(self, name: str) -> Workspace:
        """The same parts acting for the user of that name (the CLI's ``--as-user``)."""
        from mlinterview.store.cohorts import user_by_name
        from mlinterview.team.cohorts import NotVisible

        user = user_by_name(self.store, name.strip()[:80])
        if user is None or user.disabled:
            raise NotVisible(f"no user named {name!r}; `mlinterview users list` shows them")
        return self.for_user(user.id)

    def can_see(self, other_id: int) -> bool:
        """Whether this user may see ``other_id``'s data (self, admin, coach of a cohort)."""
        from mlinterview.team.cohorts import can_see

        return can_see(self.store, self.user_id, other_id)

    def create_cohort(self, name: str) -> int:
        return self.coaching.create_cohort(name)

    def cohort_id(self, name_or_id: str | int) -> int:
        return self.coaching.cohort_id(name_or_id)

    def set_cohort_member(self, cohort_id: int, user_name: str, role: str) -> None:
        self.coaching.set_member(cohort_id, user_name, role)

    def remove_cohort_member(self, cohort_id: int, user_name: str) -> bool:
        return self.coaching.remove_member(cohort_id, user_name)

    def cohorts(self) -> list[CohortView]:
        return self.coaching.my_cohorts()

    def cohort_members(self, cohort_id: int) -> list[StoredMember]:
        return self.coaching.members(cohort_id)

    def assign(self, cohort_id: int, kind: str, **options: Any) -> int:
        """Set a cohort a kit, a mock, cards or problems (see ``Coaching.assign``)."""
        return self.coaching.assign(cohort_id, kind, **options)

    def my_assignments(self) -> list[AssignmentStatus]:
        return self.coaching.my_assignments()

    def open_assignments(self) -> list[AssignmentStatus]:
        """The assignments still to do (open or overdue), overdue first."""
        found = [a for a in self.my_assignments() if a.status in ("open", "overdue")]
        return sorted(found, key=lambda a: a.status != "overdue")

    def start_assigned_mock(self, assignment_id: int, lang: str | None = None) -> MockState:
        """Start (or continue) the mock a coach assigned; it carries the assignment's id,
        which is what marks the assignment done once the mock is finished."""
        from mlinterview.interviews.mock import load_mock, start_mock
        from mlinterview.interviews.plan import plan_interview

        item, open_mock = self.coaching.assigned_mock(assignment_id)
        if open_mock is not None:
            return load_mock(self.store, self.user_id, open_mock)
        p = item.payload
        plan = plan_interview(
            p["role"],
            int(p["minutes"]),
            int(p["seed"]),
            p["level"],
            problems=self._judgeable_problems(),
        )
        chosen = check_lang(lang) if lang else self.language()
        mock_id = start_mock(self.store, self.user_id, plan, chosen, assignment_id=item.id)
        return load_mock(self.store, self.user_id, mock_id)

    def assignment_kit(
        self, assignment_id: int, *, fmt: str = "html", lang: str | None = None
    ) -> bytes:
        """The interviewer kit of a kit or mock assignment, for a member of its cohort."""
        from mlinterview.team.cohorts import NotVisible

        item = self.coaching.assignment(assignment_id)
        if item.kind not in ("kit", "mock"):
            raise NotVisible(f"assignment #{assignment_id} has no kit")
        p = item.payload
        data, _ = self.kit(
            p["role"],
            level=p["level"],
            minutes=int(p["minutes"]),
            seed=int(p["seed"]),
            lang=lang or self.language(),
            fmt=fmt,
        )
        return data

    def cohort_dashboard(self, cohort_id: int) -> CohortDashboard:
        return self.coaching.dashboard(cohort_id)

    def candidate_overview(self, user_id: int) -> CandidateOverview:
        from mlinterview.interviews.mock import list_mocks

        return self.coaching.candidate(user_id, lambda uid: list_mocks(self.store, uid))

    def candidate_answers(self, user_id: int, card_id: str) -> CandidateAnswers:
        return self.coaching.candidate_answers(user_id, card_id)

    def comment_on_card(
        self, candidate_id: int, card_id: str, body: str, review_id: int | None = None
    ) -> int:
        return self.coaching.comment_on_card(candidate_id, card_id, body, review_id)

    def comment_on_mock(self, mock_id: int, body: str) -> int:
        return self.coaching.comment_on_mock(mock_id, body)

    def take_card_comments(self, card_id: str) -> list[StoredComment]:
        """Unseen coach comments on this card, marked seen (shown once, at practice)."""
        return self.coaching.take_card_comments(card_id)

    def mock_comments(self, mock_id: int) -> list[StoredComment]:
        return self.coaching.mock_comments(mock_id)

    def unread_mock_comments(self) -> list[StoredComment]:
        return self.coaching.unread_mock_comments()

    def owns_mock(self, mock_id: int) -> bool:
        """Whether the mock is this user's own (a coach reading a report is not its owner)."""
        from mlinterview.store.mocks import mock_owner

        return mock_owner(self.store, mock_id) == self.user_id

    # -- settings --------------------------------------------------------------------------
    def language(self, default: str = "en") -> str:
        from mlinterview.store.settings import get_setting

        value = get_setting(self.store, self.user_id, "lang", default)
        return value if value in LANGUAGES else default

    def set_language(self, lang: str) -> None:
        from mlinterview.store.settings import set_setting

        set_setting(self.store, self.user_id, "lang", check_lang(lang))


def _batch_record(line: str, n: int) -> dict[str, Any]:
    """One validated batch record; a bad line stops the batch with its line number."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BatchRecordError(
            f"line {n}: not valid JSON ({exc.msg}); each line must be one JSON object"
        ) from None
    if not isinstance(record, dict):
        raise BatchRecordError(
            f"line {n}: expected a JSON object with question, reference_answer, answer, lang"
        )
    needed = (
        ("answer", "lang")
        if record.get("id") is not None
        else ("question", "reference_answer", "answer", "lang")
    )
    for key in needed:
        if not isinstance(record.get(key), str):
            raise BatchRecordError(f"line {n}: field {key!r} is missing or not a string")
    if record["lang"] not in LANGUAGES:
        raise BatchRecordError(f"line {n}: lang must be 'en' or 'de', not {record['lang']!r}")
    return record
