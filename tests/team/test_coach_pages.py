"""The cohort and coaching pages in-process (TestClient, real SQLite, real grader): every new
route in local mode (the local admin), then as a coach and as a candidate the way team mode
serves them (a Workspace and Viewer for that person on the request's context), so the
access decisions of the core reach the pages as 404s."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID, User
from mlinterview.web.app import create_app
from mlinterview.workspace import Workspace

CARD = "overfitting"


def add_user(store: Store, name: str, role: str) -> int:
    with store.transaction() as session:
        user = User(name=name, role=role, created_at=datetime.now(UTC))
        session.add(user)
        session.flush()
        return int(user.id)


def token(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
    assert found
    return found.group(1)


def post(client: TestClient, path: str, **data: str) -> httpx.Response:
    return client.post(path, data={"csrf_token": token(client), **data}, follow_redirects=False)


class Switch:
    """The client of whoever the test acts as now (tests keep one handle across act_as)."""

    def __init__(self, client: TestClient) -> None:
        self.current = client

    def get(self, url: str, **options: object) -> httpx.Response:
        return self.current.get(url, **options)  # type: ignore[arg-type]

    def post(self, url: str, **options: object) -> httpx.Response:
        return self.current.post(url, **options)  # type: ignore[arg-type]


@dataclass
class Site:
    store: Store
    app: FastAPI
    client: Switch
    coach: int
    alice: int
    bob: int
    logged_in: dict[int, TestClient] = field(default_factory=dict)

    def act_as(self, user_id: int, name: str, role: str) -> None:
        """Serve the next requests as this person: their own logged-in session (team mode)."""
        assert user_id in self.logged_in, f"{name} ({role}) has no session in this site"
        self.client.current = self.logged_in[user_id]


PASSWORD = "coach-pages-pw-1"


@pytest.fixture
def site(sqlite_url: str) -> Iterator[Site]:
    """Local mode: the local admin, and three accounts without passwords."""
    store = Store(sqlite_url)
    coach = add_user(store, "coach", "coach")
    alice = add_user(store, "alice", "candidate")
    bob = add_user(store, "bob", "candidate")
    app = create_app(store)
    with TestClient(app) as client:
        yield Site(store, app, Switch(client), coach, alice, bob)
    store.close()


@pytest.fixture
def team_site(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """Team mode with real accounts and logins; the admin takes over the local user."""
    from mlinterview.team.accounts import Accounts

    # No job is queued in these tests: the broker address is never contacted.
    monkeypatch.setenv("MLINTERVIEW_BROKER_URL", "redis://127.0.0.1:6390/0")
    store = Store(sqlite_url)
    accounts = Accounts(store)
    accounts.add("boss", "admin", PASSWORD)
    ids = {
        name: accounts.add(name, role, PASSWORD).id
        for name, role in (("coach", "coach"), ("alice", "candidate"), ("bob", "candidate"))
    }
    app = create_app(store, team=True)
    clients = {}
    for name, user_id in ids.items():
        client = TestClient(app)
        login = client.post("/api/login", json={"user": name, "password": PASSWORD})
        assert login.status_code == 200, login.text
        clients[user_id] = client
    site = Site(store, app, Switch(clients[ids["coach"]]), ids["coach"], ids["alice"], ids["bob"])
    site.logged_in.update(clients)
    yield site
    for client in clients.values():
        client.close()
    store.close()


def test_every_new_route_in_local_mode(site: Site) -> None:
    client, store = site.client, site.store
    assert 'href="/cohorts"' not in client.get("/").text  # local mode: no team menu
    response = post(client, "/cohorts", name="Spring course")
    assert response.status_code == 303
    cohort = int(response.headers["location"].rsplit("/", 1)[1])
    assert post(client, "/cohorts", name="Spring course").status_code == 400
    for user, role in (("coach", "coach"), ("alice", "candidate"), ("local", "candidate")):
        assert post(client, f"/cohorts/{cohort}/members", user=user, role=role).status_code == 303
    page = client.get("/cohorts")
    assert page.status_code == 200 and "Spring course" in page.text

    bad = post(client, f"/cohorts/{cohort}/assignments", kind="cards", ids="overfitting, nope")
    assert bad.status_code == 400 and "unknown card id(s): nope" in bad.text
    made = post(
        client,
        f"/cohorts/{cohort}/assignments",
        kind="mock",
        role="generalist",
        minutes="15",
        due="2099-01-31",
    )
    assert made.status_code == 303
    assignment = int(made.headers["location"].split("assigned=")[1])
    board = client.get(f"/cohorts/{cohort}?assigned={assignment}")
    assert board.status_code == 200 and 'id="assigned"' in board.text
    assert "alice" in board.text and 'id="weak-none"' in board.text

    mine = client.get("/assignments")  # the local user is a candidate of the cohort
    assert f'data-assignment="{assignment}" data-status="open"' in mine.text
    started = post(client, f"/assignments/{assignment}/start")
    assert started.status_code == 303
    mock_id = int(started.headers["location"].rsplit("/", 1)[1])
    kit = client.get(f"/assignments/{assignment}/kit")
    assert kit.status_code == 200 and "<html" in kit.text.lower()

    alice = Workspace(store, user_id=site.alice)
    review = alice.record_rating(CARD, 2, lang="en", answer="Alice's answer about noise.")
    assert client.get(f"/candidates/{site.alice}").status_code == 200
    answers = client.get(f"/candidates/{site.alice}/cards/{CARD}")
    assert "Alice&#39;s answer about noise." in answers.text and 'id="comment-form"' in answers.text
    empty = post(client, f"/candidates/{site.alice}/cards/{CARD}/comments", body="  ")
    assert empty.status_code == 400
    sent = post(
        client,
        f"/candidates/{site.alice}/cards/{CARD}/comments",
        body="Mention the validation gap.",
        review_id=str(review.review_id),
    )
    assert sent.status_code == 303
    assert (
        "Mention the validation gap." in client.get(f"/candidates/{site.alice}/cards/{CARD}").text
    )

    assert post(client, f"/mock/{mock_id}/comments", body="Good start.").status_code == 303
    report = client.get(f"/mock/{mock_id}/report")
    assert report.status_code == 200 and "Good start." in report.text
    assert client.get("/candidates/999").status_code == 404
    assert client.get(f"/candidates/{site.alice}/cards/no-such-card").status_code == 404
    assert client.get("/cohorts/999").status_code == 404


def test_the_candidate_sees_the_coach_comment_at_the_next_practice_of_the_card(
    team_site: Site,
) -> None:
    site = team_site
    store = site.store
    admin = Workspace(store)
    cohort = admin.create_cohort("A")
    admin.set_cohort_member(cohort, "coach", "coach")
    admin.set_cohort_member(cohort, "alice", "candidate")
    alice = admin.for_user(site.alice)
    alice.record_rating(CARD, 1, lang="en", answer="Big models.")
    admin.for_user(site.coach).comment_on_card(site.alice, CARD, "Say what fails on new data.")

    site.act_as(site.bob, "bob", "candidate")  # bob practises the same card: no comment
    Workspace(store, user_id=site.bob).practice.enqueue([CARD], "test")
    page = site.client.get("/practice")
    assert f'data-card="{CARD}"' in page.text and "coach-comment" not in page.text

    site.act_as(site.alice, "alice", "candidate")
    alice.practice.enqueue([CARD], "test")  # the card comes up next
    page = site.client.get("/practice")
    assert f'data-card="{CARD}"' in page.text
    assert "Say what fails on new data." in page.text and "coach, your coach" in page.text
    again = site.client.get("/practice")
    assert "Say what fails on new data." not in again.text  # shown once, then seen


def test_pages_as_a_coach_and_as_a_candidate(team_site: Site) -> None:
    site = team_site
    store, client = site.store, site.client
    admin = Workspace(store)
    a, b = admin.create_cohort("A"), admin.create_cohort("B")
    admin.set_cohort_member(a, "coach", "coach")
    admin.set_cohort_member(a, "alice", "candidate")
    admin.set_cohort_member(b, "bob", "candidate")
    alice, bob = admin.for_user(site.alice), admin.for_user(site.bob)
    alice_mock = alice.start_mock("generalist", minutes=15, seed=5)
    alice.finish_mock(alice_mock.id)
    bob_mock = bob.start_mock("generalist", minutes=15, seed=6)
    bob.record_rating(CARD, 3, lang="en", answer="Bob's answer.")

    site.act_as(site.coach, "coach", "coach")
    home = client.get("/")
    assert 'href="/cohorts"' in home.text and 'href="/assignments"' in home.text
    assert client.get(f"/cohorts/{a}").status_code == 200
    for path in (
        f"/cohorts/{b}",
        f"/candidates/{site.bob}",
        f"/candidates/{site.bob}/cards/{CARD}",
        f"/mock/{bob_mock.id}/report",
    ):
        assert client.get(path).status_code == 404, path
    assert post(client, f"/cohorts/{b}/assignments", kind="cards", ids=CARD).status_code == 404
    assert (
        post(client, f"/candidates/{site.bob}/cards/{CARD}/comments", body="x").status_code == 404
    )
    assert post(client, f"/mock/{bob_mock.id}/comments", body="x").status_code == 404
    assert post(client, "/cohorts", name="mine").status_code == 403
    report = client.get(f"/mock/{alice_mock.id}/report")
    assert report.status_code == 200 and 'id="mock-comment-form"' in report.text
    assert post(client, f"/mock/{alice_mock.id}/comments", body="Pace yourself.").status_code == 303

    site.act_as(site.alice, "alice", "candidate")
    home = client.get("/")
    assert 'href="/cohorts"' not in home.text and 'href="/assignments"' in home.text
    own = client.get(f"/mock/{alice_mock.id}/report")
    assert "Pace yourself." in own.text and 'id="mock-comment-form"' not in own.text
    for path in (f"/cohorts/{a}", f"/candidates/{site.bob}", f"/mock/{bob_mock.id}/report"):
        assert client.get(path).status_code == 404, path
    assert post(client, f"/cohorts/{a}/assignments", kind="cards", ids=CARD).status_code == 404
    assert client.get("/assignments").status_code == 200
    assert site.alice != LOCAL_USER_ID


def test_the_coaching_flow_through_the_pages(team_site: Site) -> None:
    """Coach assigns a mock; the candidate starts it from their assignments, answers and ends
    it; the coach reads the report and comments; the candidate reads the comment on the
    report and the assignment shows done. Then the same for a card comment at practice."""
    site = team_site
    store, client = site.store, site.client
    admin = Workspace(store)
    a = admin.create_cohort("A")
    admin.set_cohort_member(a, "coach", "coach")
    admin.set_cohort_member(a, "alice", "candidate")

    site.act_as(site.coach, "coach", "coach")
    made = post(client, f"/cohorts/{a}/assignments", kind="mock", role="nlp", minutes="15")
    assert made.status_code == 303
    assignment = int(made.headers["location"].split("assigned=")[1])

    site.act_as(site.alice, "alice", "candidate")
    assert f'data-assignment="{assignment}"' in client.get("/").text  # on her dashboard
    listed = client.get("/assignments").text
    assert f'data-assignment="{assignment}" data-status="open"' in listed
    assert f'data-start="{assignment}"' in listed
    started = post(client, f"/assignments/{assignment}/start")
    mock_url = started.headers["location"]
    mock_id = int(mock_url.rsplit("/", 1)[1])
    question = client.get(mock_url)
    position = re.search(r'name="position" value="(\d+)"', question.text)
    assert position, question.text[:500]
    # The first question is code; judging it needs a worker (the browser test has one), so
    # she skips it here: the coaching flow is what this test follows.
    answered = post(client, f"/mock/{mock_id}/answer", position=position.group(1), text="")
    assert answered.status_code == 303
    assert post(client, f"/mock/{mock_id}/finish").status_code == 303
    assert f'data-assignment="{assignment}" data-status="done"' in client.get("/assignments").text
    assert f'data-assignment="{assignment}"' not in client.get("/").text  # done: off the list

    site.act_as(site.coach, "coach", "coach")
    overview = client.get(f"/candidates/{site.alice}").text
    assert f'data-assignment="{assignment}" data-status="done"' in overview
    assert f'href="/mock/{mock_id}/report"' in overview
    report = client.get(f"/mock/{mock_id}/report")
    assert report.status_code == 200 and 'id="mock-comment-form"' in report.text
    sent = post(client, f"/mock/{mock_id}/comments", body="Explain why subwords help with OOV.")
    assert sent.status_code == 303

    site.act_as(site.alice, "alice", "candidate")
    own = client.get(f"/mock/{mock_id}/report").text
    assert "Explain why subwords help with OOV." in own and "coach" in own
