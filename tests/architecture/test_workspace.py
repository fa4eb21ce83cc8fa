"""The core object and its two adapters, in-process: the CLI through Typer's runner, the
web app through FastAPI's TestClient, both over a real SQLite store and the real judge."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mlinterview.cli import app as cli_app
from mlinterview.content.check import check_bank
from mlinterview.content.loader import default_bank_dir
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID
from mlinterview.web.app import create_app
from mlinterview.workspace import CardNotFound, Workspace

runner = CliRunner()


@pytest.fixture
def ws(sqlite_url: str) -> Workspace:
    return Workspace(sqlite_url)


def test_one_method_per_use_case(ws: Workspace) -> None:
    assert ws.card("overfitting").id == "overfitting"
    with pytest.raises(CardNotFound):
        ws.card("no-such-card")
    assert isinstance(CardNotFound("x"), LookupError)
    assert {c.topic.value for c in ws.cards(topic="statistics")} == {"statistics"}
    with pytest.raises(ValueError, match="unknown topic 'astrology'; choose one of"):
        ws.cards(topic="astrology")
    assert [c.id for c in ws.search("overfitting", role="generalist")][:1]
    first = ws.next_cards(limit=1)[0]
    outcome = ws.record_rating(first.id, 3, lang="en", answer="Regularisation and more data.")
    assert outcome.card_id == first.id and ws.practice.review_count(first.id) == 1
    assert ws.next_cards(limit=1)[0].id != first.id  # rated: no longer new, not due
    assert ws.grade("overfitting", "It memorises noise.", "en").score >= 0


def test_a_score_sent_with_a_rating_is_never_stored(sqlite_url: str) -> None:
    """The web form used to carry the score; now the core computes it from the answer."""
    app = create_app(Store(sqlite_url))
    with TestClient(app) as client:
        page = client.get("/practice")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        card_id = re.search(r'action="/practice/([^/]+)/answer"', page.text)
        assert card_id is not None
        client.post(
            f"/practice/{card_id.group(1)}/rate",
            data={"csrf_token": token.group(1), "rating": "4", "answer": "", "score": "5.0"},
        )
    store = Store(sqlite_url)
    try:
        from mlinterview.store import practice as practice_store

        assert practice_store.review_count(store, LOCAL_USER_ID, card_id.group(1)) == 1
        with store.transaction() as session:
            from mlinterview.store.models import Review

            (review,) = session.query(Review).all()
            assert review.score is None  # no answer, so no score; 5.0 was ignored
    finally:
        store.close()


def _csrf(client: TestClient, path: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)


def test_viewing_a_report_writes_nothing_and_seeds_default_to_random(sqlite_url: str) -> None:
    app = create_app(Store(sqlite_url))
    ws: Workspace = app.state.ctx.ws
    with TestClient(app) as client:
        token = _csrf(client, "/mock")
        ids = []
        for _ in range(2):
            started = client.post(
                "/mock/start",
                data={"csrf_token": token, "role": "generalist", "minutes": "30", "seed": ""},
                follow_redirects=False,
            )
            assert started.status_code == 303
            ids.append(int(started.headers["location"].rsplit("/", 1)[1]))
        first, second = (ws.mock(i) for i in ids)
        assert first.plan.seed != second.plan.seed  # random, and recorded for replay
        report = client.get(f"/mock/{ids[0]}/report")
        assert report.status_code == 200
        assert not ws.mock(ids[0]).finished  # a GET never finishes a mock
        assert ws.practice.queued() == []
        finished = client.post(
            f"/mock/{ids[0]}/finish", data={"csrf_token": token}, follow_redirects=False
        )
        assert finished.status_code == 303 and ws.mock(ids[0]).finished
        report = ws.mock_report(ids[0])
        assert report.review and not any(card.reached for card in report.review)
        assert ws.practice.queued() == []  # questions never reached are not queued
        forged = client.post(f"/mock/{ids[1]}/finish", data={"csrf_token": "forged"})
        assert forged.status_code == 403 and not ws.mock(ids[1]).finished


def test_the_last_answer_finishes_the_mock(ws: Workspace) -> None:
    state = ws.start_mock("generalist", minutes=15, level="junior", lang="en", seed=3)
    steps = []
    while (view := ws.mock_question(state.id)) is not None:
        steps.append(ws.answer_mock(state.id, view.position, "", 1.0))
    assert all(step.report is None for step in steps[:-1])
    assert steps[-1].report is not None and ws.mock(state.id).finished


def test_bank_check_checks_the_problems_of_the_folder_it_is_given(tmp_path: Path) -> None:
    copy = tmp_path / "bank"
    shutil.copytree(default_bank_dir() / "questions", copy / "questions")
    (copy / "problems").mkdir()
    shutil.copytree(default_bank_dir() / "problems" / "can_shift", copy / "problems" / "can_shift")
    (copy / "problems" / "can_shift" / "reference.py").write_text(
        "def can_shift(a, b):\n    return True\n"
    )
    issues = [str(issue) for issue in check_bank(copy)]
    assert any(
        i.startswith("problems/can_shift/reference.py: tests: reference fails") for i in issues
    )
    assert not any("problems/softmax" in i for i in issues)  # not in that folder


def test_mlinterview_lang_reaches_labs_and_grade_statuses(sqlite_url: str) -> None:
    env = {"MLINTERVIEW_LANG": "de", "MLINTERVIEW_DATABASE_URL": sqlite_url}
    listed = runner.invoke(cli_app, ["labs"], env=env)
    assert listed.exit_code == 0, listed.output
    german = Workspace().lab("activations").title.get("de")
    english = Workspace().lab("activations").title.get("en")
    assert german != english
    assert german.split()[0] in listed.output and english.split()[0] not in listed.output
    graded = runner.invoke(
        cli_app,
        ["answer", "overfitting", "--text", "Das Modell lernt das Rauschen auswendig."],
        env=env,
    )
    assert graded.exit_code == 0, graded.output
    assert "fehlt" in graded.output and "missing" not in graded.output
    bad = runner.invoke(cli_app, ["labs", "--lang", "fr"])
    assert bad.exit_code == 1 and "--lang must be en or de" in bad.output


def test_the_list_index_follows_every_edit_of_the_bank(tmp_path: Path) -> None:
    """`list` reads a cached index; an edited, added or removed card file refreshes it."""
    bank = tmp_path / "bank"
    shutil.copytree(default_bank_dir() / "questions", bank / "questions")
    env = {"MLINTERVIEW_BANK_DIR": str(bank), "COLUMNS": "200"}
    first = runner.invoke(cli_app, ["list", "--json"], env=env)
    assert first.exit_code == 0, first.output
    (card,) = (bank / "questions").glob("*/overfitting.yaml")
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("  en: ", "  en: EDITED ", 1), encoding="utf-8")
    edited = runner.invoke(cli_app, ["list", "--topic", card.parent.name], env=env)
    assert "EDITED" in edited.output
    next((bank / "questions").glob("*/k-nearest-neighbours.yaml")).unlink()
    shorter = runner.invoke(cli_app, ["list", "--json"], env=env)
    assert len(json.loads(shorter.output)) == len(json.loads(first.output)) - 1


def test_undo_restores_the_state_before_the_last_rating(ws: Workspace) -> None:
    card = ws.next_cards(limit=1)[0]
    first = ws.record_rating(card.id, 3, lang="en")
    after_first = ws.practice.states()[card.id]
    ws.record_rating(card.id, 1, lang="en")
    assert ws.practice.states()[card.id].due != after_first.due
    assert ws.undo_last_rating() == card.id
    restored = ws.practice.states()[card.id]
    assert restored.due == first.due and restored.reps == 1
    assert ws.undo_last_rating() == card.id
    assert card.id not in ws.practice.states()  # new again
    assert ws.undo_last_rating() is None


def test_rating_intervals_grow_with_the_rating(ws: Workspace) -> None:
    intervals = ws.rating_intervals("overfitting")
    assert intervals[1] < intervals[2] <= intervals[3] < intervals[4]
    assert ws.practice.review_count("overfitting") == 0  # previewing stores nothing
