"""Mock interview core: real grading, the real judge, a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import select

from fresh_python import last_line_of
from mlinterview.content.loader import bundled_bank
from mlinterview.content.schema import Card
from mlinterview.interviews.mock import (
    REVIEW_BELOW,
    MockError,
    answer,
    finish,
    list_mocks,
    load_mock,
    mock_report,
    question_view,
    report_markdown,
    start_mock,
    write_report,
)
from mlinterview.interviews.plan import InterviewPlan, Stage, plan_interview
from mlinterview.judge.problems import get_problem, problems_dir
from mlinterview.practice.scheduling import PracticeService
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID, MockAnswer

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _reference_code(problem_id: str) -> str:
    return (problems_dir() / problem_id / "reference.py").read_text(encoding="utf-8")


def _wrong_code(problem_id: str) -> str:
    wrong = sorted((problems_dir() / problem_id).glob("wrong_*.py"))[0]
    return wrong.read_text(encoding="utf-8")


def _typed(card: Card, lang: str) -> str:
    """The reference answer as a candidate would type it (no blank lines)."""
    return "\n".join(line for line in card.answer.get(lang).splitlines() if line.strip())


def _plan() -> InterviewPlan:
    plan = plan_interview("llm", 15, seed=3)
    assert [s.stage for s in plan.stages] == list(Stage)  # one question per stage
    assert all(len(s.items) == 1 for s in plan.stages)
    return plan


def test_full_mock_scores_stages_and_queues_missed_cards(store: Store, tmp_path: Path) -> None:
    bank = bundled_bank()
    plan = _plan()
    mock_id = start_mock(store, LOCAL_USER_ID, plan, "en", now=T0)
    items = [item for _, _, item in plan.entries()]
    cards = [bank.get(item.id) for item in items[1:]]
    assert all(card is not None for card in cards)

    code = answer(store, LOCAL_USER_ID, mock_id, 0, _reference_code(items[0].id), 100.0, now=T0)
    assert code.verdict == "Accepted" and code.score == 1.0
    assert code.tests_total > 0 and code.tests_passed == code.tests_total
    good = answer(store, LOCAL_USER_ID, mock_id, 1, _typed(cards[0], "en"), 60.0, now=T0)  # type: ignore[arg-type]
    bad = answer(
        store, LOCAL_USER_ID, mock_id, 2, "I would ask a colleague about it.", 20.0, now=T0
    )
    skipped = answer(store, LOCAL_USER_ID, mock_id, 3, "   ", 5.0, now=T0)
    # the last question is never answered: the mock ends early
    assert good.score >= REVIEW_BELOW, good
    assert any(p.status == "covered" for p in good.key_points)
    assert bad.score < REVIEW_BELOW
    assert any(p.status == "missing" for p in bad.key_points)
    assert skipped.skipped and skipped.score == 0.0

    report = finish(store, LOCAL_USER_ID, mock_id, now=T0 + timedelta(minutes=20))
    scores = report.stage_scores
    assert scores == {
        "coding": 1.0,
        "algorithms": good.score,
        "role-specific": bad.score,
        "system-design": 0.0,
        "mlops": 0.0,
    }
    assert report.score == pytest.approx(sum(scores.values()) / 5)
    review_ids = [card.card_id for card in report.review]
    assert cards[0].id not in review_ids  # type: ignore[union-attr]
    assert review_ids == [cards[1].id, cards[2].id, cards[3].id]  # type: ignore[union-attr]
    # the queue is the real practice queue: practice serves the weak and skipped cards
    # first; the question never reached is in the report but not queued
    service = PracticeService(store, LOCAL_USER_ID)
    answered = [cards[1].id, cards[2].id]  # type: ignore[union-attr]
    assert set(service.queued()) == set(answered)
    assert {c.id for c in service.next_cards(bank, limit=2)} == set(answered)
    assert report.queued == 2
    assert [card.reached for card in report.review] == [True, True, False]

    stored = load_mock(store, LOCAL_USER_ID, mock_id)
    assert stored.finished and len(stored.answers) == 4
    md, html = write_report(report, tmp_path / "reports")
    text = md.read_text()
    assert f"**Overall score: {report.score:.0%}**" in text
    assert "| Coding | 100% |" in text
    assert "not reached" in text and "skipped" in text
    for point in bad.key_points:
        if point.status == "missing":
            assert " ".join(point.text.split()) in text
    parser = HTMLParser()
    parser.feed(html.read_text())
    assert report.to_dict()["stages"][0]["questions"][0]["verdict"] == "Accepted"


def test_a_german_report_gives_the_judges_message_in_german(store: Store) -> None:
    plan = _plan()
    problem = next(item for _, _, item in plan.entries()).id
    mock_id = start_mock(store, LOCAL_USER_ID, plan, "de", now=T0)
    code = answer(store, LOCAL_USER_ID, mock_id, 0, _wrong_code(problem), 100.0, now=T0)
    assert code.verdict != "Accepted" and code.message  # the stored message is English
    assert code.message.isascii()
    report = finish(store, LOCAL_USER_ID, mock_id, now=T0 + timedelta(minutes=20))
    text = report_markdown(report)
    quoted = [line for line in text.splitlines() if line.startswith("> ")]
    assert quoted and all(not line[2:].startswith(("a hidden", "an example")) for line in quoted)
    assert any("verdeckt" in line or "Beispiel" in line for line in quoted), quoted


def test_each_answer_is_committed_before_the_next(database_url: str) -> None:
    """A crash after an answer loses nothing: a second connection already sees it."""
    writer = Store(database_url)
    plan = _plan()
    mock_id = start_mock(writer, LOCAL_USER_ID, plan, "de", now=T0)
    answer(writer, LOCAL_USER_ID, mock_id, 0, "", 3.0, now=T0)
    answer(writer, LOCAL_USER_ID, mock_id, 1, "Weiß ich nicht.", 4.0, now=T0)
    reader = Store(database_url)
    state = load_mock(reader, LOCAL_USER_ID, mock_id)
    assert sorted(state.answers) == [0, 1]
    assert state.next_position() == 2 and not state.finished
    summary = list_mocks(reader, LOCAL_USER_ID)[-1]
    assert (summary.id, summary.finished, summary.answered) == (mock_id, False, 2)
    with reader.transaction() as session:
        rows = session.scalars(select(MockAnswer).where(MockAnswer.mock_id == mock_id)).all()
    assert [row.answer for row in sorted(rows, key=lambda r: r.position)] == ["", "Weiß ich nicht."]
    writer.close()
    reader.close()


def test_going_over_time_is_recorded_not_fatal(store: Store) -> None:
    plan = _plan()
    mock_id = start_mock(store, LOCAL_USER_ID, plan, "en", now=T0)
    budget = plan.stages[0].items[0].seconds
    result = answer(
        store,
        LOCAL_USER_ID,
        mock_id,
        0,
        _wrong_code(plan.stages[0].items[0].id),
        budget + 75,
        now=T0,
    )
    assert result.over_time and result.over_seconds == pytest.approx(75)
    assert result.verdict != "Accepted" and result.score < 1.0
    with store.transaction() as session:
        row = session.scalars(select(MockAnswer).where(MockAnswer.mock_id == mock_id)).one()
        assert row.over_time is True
        assert json.loads(row.details_json)["verdict"] == result.verdict
    report = mock_report(store, LOCAL_USER_ID, mock_id)
    assert [q.number for q in report.over_time] == ["1.1"]
    assert "over time by 1:15" in report_markdown(report)


def test_mocks_compare_with_the_previous_one_of_the_same_role(store: Store) -> None:
    plan = _plan()
    first = start_mock(store, LOCAL_USER_ID, plan, "en", now=T0)
    answer(store, LOCAL_USER_ID, first, 0, _wrong_code(plan.stages[0].items[0].id), 30, now=T0)
    first_report = finish(store, LOCAL_USER_ID, first, now=T0 + timedelta(minutes=15))
    other = start_mock(
        store, LOCAL_USER_ID, plan_interview("nlp", 15, seed=1), "en", now=T0 + timedelta(hours=1)
    )
    finish(store, LOCAL_USER_ID, other, now=T0 + timedelta(hours=1, minutes=1))
    second = start_mock(store, LOCAL_USER_ID, plan, "en", now=T0 + timedelta(days=1))
    answer(store, LOCAL_USER_ID, second, 0, _reference_code(plan.stages[0].items[0].id), 30, now=T0)
    second_report = finish(store, LOCAL_USER_ID, second, now=T0 + timedelta(days=1, minutes=15))

    assert second_report.comparison is not None
    assert second_report.comparison.previous_id == first
    assert second_report.comparison.delta == pytest.approx(second_report.score - first_report.score)
    assert second_report.comparison.stage_deltas["coding"] == pytest.approx(
        1.0 - first_report.stage_scores["coding"]
    )
    rows = {row.id: row for row in list_mocks(store, LOCAL_USER_ID)}
    assert rows[first].delta is None and rows[other].delta is None  # first of their role
    assert rows[second].previous_id == first
    assert rows[second].delta == pytest.approx(second_report.score - first_report.score)
    assert rows[second].delta > 0


def test_bad_requests_raise_one_line_errors(store: Store) -> None:
    plan = _plan()
    mock_id = start_mock(store, LOCAL_USER_ID, plan, "en", now=T0)
    answer(store, LOCAL_USER_ID, mock_id, 0, "", 1.0)
    with pytest.raises(MockError, match="already answered"):
        answer(store, LOCAL_USER_ID, mock_id, 0, "again", 1.0)
    with pytest.raises(MockError, match="has no question 99"):
        answer(store, LOCAL_USER_ID, mock_id, 98, "x", 1.0)
    with pytest.raises(MockError, match="no mock interview #424242"):
        load_mock(store, LOCAL_USER_ID, 424242)
    finish(store, LOCAL_USER_ID, mock_id)
    with pytest.raises(MockError, match="already finished"):
        answer(store, LOCAL_USER_ID, mock_id, 1, "late", 1.0)
    empty = InterviewPlan("llm", "mid", 15, 1, ())
    with pytest.raises(MockError, match="no questions"):
        start_mock(store, LOCAL_USER_ID, empty, "en")


def test_question_view_gives_front_ends_what_to_show(store: Store) -> None:
    plan = _plan()
    state = load_mock(store, LOCAL_USER_ID, start_mock(store, LOCAL_USER_ID, plan, "de", now=T0))
    coding = question_view(state, 0)
    assert coding.kind == "problem" and "```python" in coding.prompt
    assert (coding.number, coding.total, coding.stage_title) == ("1.1", 5, "Programmieren")
    card_view = question_view(state, 4)
    card = bundled_bank().get(plan.stages[-1].items[0].id)
    assert card is not None and card_view.prompt == card.question.de.strip()
    assert card_view.seconds == plan.stages[-1].items[0].seconds
    assert card_view.kind == "card" and card_view.stage == "mlops"


#: Role and seeds whose 60-minute senior plan draws a PyTorch problem when torch is here.
TORCH_DRAWING = ("llm", (0, 2, 7))


def _coding_runtimes(tmp_path: Path, hide_torch: bool) -> list[str]:
    """The runtimes of the coding problems of mocks started through the Workspace, in a
    fresh interpreter (with or without torch importable)."""
    role, seeds = TORCH_DRAWING
    body = (
        "import json, sys\n"
        "from mlinterview.judge.problems import get_problem\n"
        "from mlinterview.workspace import Workspace\n"
        "ws = Workspace(sys.argv[1])\n"
        "found = []\n"
        f"for seed in {list(seeds)!r}:\n"
        f"    mock = ws.start_mock({role!r}, minutes=60, level='senior', seed=seed)\n"
        "    found += [get_problem(i.id).runtime for s in mock.plan.stages for i in s.items\n"
        "              if i.kind == 'problem']\n"
        "print(json.dumps(found))\n"
    )
    database = f"sqlite:///{tmp_path / f'db{int(hide_torch)}.sqlite3'}"
    line = last_line_of(tmp_path / "mocks.py", body, database, hide_torch=hide_torch)
    return list(json.loads(line))


def test_a_mock_draws_only_problems_this_installation_can_judge(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    with_torch = _coding_runtimes(tmp_path, hide_torch=False)
    assert "torch" in with_torch  # these seeds do draw a PyTorch problem where torch is
    without = _coding_runtimes(tmp_path, hide_torch=True)
    assert without and set(without) == {"numpy"}
    # a kit is read, not judged: it still draws from every problem
    role, seeds = TORCH_DRAWING
    drawn = [
        item.id
        for seed in seeds
        for stage in plan_interview(role, 60, seed, "senior").stages
        for item in stage.items
        if item.kind == "problem"
    ]
    assert any(get_problem(pid).runtime == "torch" for pid in drawn)
