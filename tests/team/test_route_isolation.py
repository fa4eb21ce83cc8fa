"""Every route of the team-mode app, tried by every persona (issue 17's isolation test).

``ROUTES`` maps each route (method, path) to its access rule and how to fill its path
parameters with objects owned by alice. The test walks ``app.routes``: **a route missing
from the table fails** ("add it to ROUTES with its access rule"), so every new page or API
route must say who may use it. Each route is then requested by:

- ``anon`` (no session): pages answer 303 to /login, ``/api/*`` 401;
- ``alice``, a candidate who owns the objects: 200/303 (or the rule's codes);
- ``bob``, a candidate in another cohort; ``carl``, a coach of two cohorts (alice's and
  erin's, not bob's); ``boss``, the admin: another person's object is 404 (``own``), or
  visible to her coach and the admin only (``coached``); shared pages show their own data.

Adding a route: put ``(METHOD, PATH): Rule(access, params, form=/json=, ...)`` in ROUTES;
path parameters come from factories that create alice's object (see ``MOCK``; ``World``
has the users' ids and the store).

After every request by someone other than alice, alice's data must be unchanged, and no
response to another persona may contain alice's name, her answer text, or her language.

Runs in-process (FastAPI's TestClient) on real SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from mlinterview.store.db import Store
from mlinterview.store.models import Cohort, CohortMember
from mlinterview.team.accounts import Accounts
from mlinterview.web.app import create_app
from mlinterview.web.team import SESSION_COOKIE
from mlinterview.workspace import Workspace

ALICE = "alice_w7"  # a name no bank text contains, so finding it anywhere is a leak
ALICE_SECRET = "ALICE-SECRET-ANSWER-93 gradient noise"
ALICE_SEED = 730517  # her mocks' seed: shown on her mock pages, in nobody else's
PERSONAS = ("anon", "bob", "carl", "boss", "alice")  # alice last: the others must not see
PASSWORDS = {
    "boss": "boss-password-12",
    ALICE: "alice-password-12",
    "bob": "bob-password-123",
    "carl": "carl-password-12",
    "erin": "erin-password-12",
}
NAMES = {"alice": ALICE, "bob": "bob", "carl": "carl", "boss": "boss"}
OK = frozenset({200, 303})


@dataclass
class World:
    """The team: accounts, cohorts, alice's objects, and one HTTP client per persona."""

    app: FastAPI
    store: Store
    ws: Workspace
    accounts: Accounts
    ids: dict[str, int]
    clients: dict[str, TestClient] = field(default_factory=dict)

    def alice(self) -> Workspace:
        return self.ws.for_user(self.ids["alice"])

    def alice_mock(self) -> str:
        """A new, unfinished mock of alice's with her secret answer to question 2."""
        mock = self.alice().start_mock("generalist", minutes=15, seed=ALICE_SEED)
        self.alice().answer_mock(mock.id, 1, ALICE_SECRET)
        return str(mock.id)

    def snapshot(self) -> tuple[Any, ...]:
        """Everything of alice's another persona's request must leave alone."""
        ws = self.alice()
        return (
            ws.practice.review_count(),
            ws.language(),
            [(m.id, m.finished, m.answered) for m in ws.mocks()],
            len(ws.hints("softmax", "en").shown),
            len(ws.submissions("softmax")),
            sorted(ws.practice.queued()),
        )

    def client(self, persona: str) -> TestClient:
        """The persona's client, logged in again if a logout or password change ended it."""
        client = self.clients[persona]
        if persona != "anon" and self.session_csrf(persona) is None:
            name = NAMES[persona]
            response = client.post("/api/login", json={"user": name, "password": PASSWORDS[name]})
            assert response.status_code == 200, response.text
        return client

    def session_csrf(self, persona: str) -> str | None:
        session = self.accounts.session(self.clients[persona].cookies.get(SESSION_COOKIE))
        return self.accounts.csrf_token(session) if session is not None else None


Params = dict[str, Callable[[World], str]]
CARD: Params = {"card_id": lambda w: "overfitting"}
PROBLEM: Params = {"problem_id": lambda w: "softmax"}
LAB: Params = {"lab_id": lambda w: "threshold_tuning"}
MOCK: Params = {"mock_id": lambda w: w.alice_mock()}
COHORT: Params = {"cohort_id": lambda w: str(w.ids["spring"])}  # alice's, coached by carl
ALICE_ID: Params = {"user_id": lambda w: str(w.ids["alice"])}
MOCK_ASSIGNMENT: Params = {"assignment_id": lambda w: str(w.ids["mock_assignment"])}
KIT_ASSIGNMENT: Params = {"assignment_id": lambda w: str(w.ids["kit_assignment"])}
SUBMISSION: Params = {"submission_id": lambda w: str(w.ids["submission"])}
DENIED = frozenset({403, 404})  # refused: not allowed, or not visible at all


@dataclass(frozen=True)
class Rule:
    """Who may use a route.

    ``access``: ``public`` (no session needed), ``shared`` (any logged-in person; pages
    show their own data), ``own`` (an object of alice's: only she gets ``ok``, everyone
    else 404), ``coached`` (alice's object seen by those who may: alice, carl who coaches
    her cohort, boss the admin get ``ok``; bob 404), ``self`` (acts on the caller's own
    account). ``expect`` overrides the status codes for named personas (e.g. a coach-only
    page: ``{"alice": {403}, "bob": {403}}``)."""

    access: str
    params: Params = field(default_factory=dict)
    form: Callable[[str], dict[str, str]] | None = None  # persona -> form fields
    json: Callable[[str], dict[str, Any]] | None = None  # persona -> JSON body
    ok: frozenset[int] = OK
    anon_ok: frozenset[int] | None = None  # public routes: what anon gets
    url: str | None = None  # a concrete URL (mounts)
    check: Callable[[str, Response], None] | None = None
    expect: dict[str, frozenset[int]] = field(default_factory=dict)


def _lang_form(persona: str) -> dict[str, str]:
    return {"lang": "de" if persona == "alice" else "en", "back": "/"}


def _password_form(persona: str) -> dict[str, str]:
    password = PASSWORDS.get(NAMES.get(persona, ""), "no-account-here")
    return {"current": password, "new": password, "repeat": password}


def _me_is_self(persona: str, response: Response) -> None:
    assert response.json()["name"] == NAMES[persona]


def _progress_is_own(persona: str, response: Response) -> None:
    body = response.json()
    assert set(body) >= {"reviews_today", "topics"}
    if persona == "alice":  # she rated before the walk; nobody else practised yet then
        assert sum(t["seen"] for t in body["topics"]) >= 1


def _alice_sees_her_mock(persona: str, response: Response) -> None:
    if persona == "alice":
        assert f"seed {ALICE_SEED}" in response.text  # the leak check would see it elsewhere


ROUTES: dict[tuple[str, str], Rule] = {
    # public
    ("GET", "/login"): Rule("public"),
    ("POST", "/login"): Rule(
        "public",
        form=lambda p: {"name": "nobody-at-all", "password": "wrong-password"},
        ok=frozenset({401}),
        anon_ok=frozenset({401}),
    ),
    ("POST", "/api/login"): Rule(
        "public",
        json=lambda p: {
            "user": NAMES.get(p, "nobody-else"),
            "password": PASSWORDS.get(NAMES.get(p, ""), "wrong-password"),
        },
        ok=frozenset({200}),
        anon_ok=frozenset({401}),
    ),
    ("GET", "/static"): Rule("public", url="/static/app.css"),
    ("GET", "/favicon.ico"): Rule("public"),
    ("GET", "/docs"): Rule("public"),
    ("GET", "/docs/oauth2-redirect"): Rule("public"),
    ("GET", "/openapi.json"): Rule("public"),
    # the caller's own account
    ("POST", "/logout"): Rule("self"),
    ("POST", "/api/logout"): Rule("self", json=lambda p: {}, ok=frozenset({204})),
    ("GET", "/account/password"): Rule("self"),
    ("POST", "/account/password"): Rule("self", form=_password_form),
    ("GET", "/api/me"): Rule("self", check=_me_is_self),
    ("GET", "/api/me/progress"): Rule("self", check=_progress_is_own),
    # shared pages: bank content plus the caller's own state
    ("GET", "/"): Rule("shared"),
    ("POST", "/lang"): Rule("shared", form=_lang_form),
    ("GET", "/practice"): Rule("shared"),
    ("POST", "/practice/undo"): Rule("shared", form=lambda p: {}),
    ("POST", "/practice/{card_id}/answer"): Rule(
        "shared", CARD, form=lambda p: {"answer": f"{p} thinks: regularise"}
    ),
    ("POST", "/practice/{card_id}/rate"): Rule("shared", CARD, form=lambda p: {"rating": "3"}),
    ("GET", "/questions"): Rule("shared"),
    ("GET", "/questions/{card_id}"): Rule("shared", CARD),
    ("GET", "/problems"): Rule("shared"),
    ("GET", "/problems/{problem_id}"): Rule("shared", PROBLEM),
    ("POST", "/problems/{problem_id}/{mode}"): Rule(
        "shared", {**PROBLEM, "mode": lambda w: "hint"}, form=lambda p: {"code": "x = 1"}
    ),
    ("GET", "/labs"): Rule("shared"),
    ("GET", "/labs/{lab_id}"): Rule("shared", LAB),
    ("POST", "/labs/{lab_id}/run"): Rule("shared", LAB, form=lambda p: {}),
    ("GET", "/mock"): Rule("shared"),
    ("POST", "/mock/start"): Rule(
        "shared", form=lambda p: {"role": "generalist", "minutes": "15", "seed": "1"}
    ),
    # alice's objects
    ("GET", "/mock/{mock_id}"): Rule("own", MOCK),
    ("POST", "/mock/{mock_id}/answer"): Rule(
        "own", MOCK, form=lambda p: {"position": "2", "text": f"{p} answers"}
    ),
    ("POST", "/mock/{mock_id}/finish"): Rule("own", MOCK, form=lambda p: {}),
    # a coach who coaches alice's cohort and the admin may see her report
    ("GET", "/mock/{mock_id}/report"): Rule("coached", MOCK, check=_alice_sees_her_mock),
    ("POST", "/mock/{mock_id}/comments"): Rule(
        "coached", MOCK, form=lambda p: {"body": f"{p} comments"}, expect={"alice": DENIED}
    ),
    # judge jobs: anyone submits their own code; a submission is its owner's only
    ("POST", "/api/submissions"): Rule(
        "shared", json=lambda p: {"problem": "softmax", "source": "x = 1"}, ok=frozenset({202})
    ),
    ("GET", "/api/submissions/{submission_id}"): Rule("own", SUBMISSION),
    # cohorts and coaching
    ("GET", "/cohorts"): Rule("shared"),
    ("POST", "/cohorts"): Rule(
        "shared",
        form=lambda p: {"name": f"cohort of {p}"},
        expect={"alice": DENIED, "bob": DENIED, "carl": DENIED},
    ),
    ("GET", "/cohorts/{cohort_id}"): Rule("coached", COHORT, expect={"alice": {404}}),
    ("POST", "/cohorts/{cohort_id}/members"): Rule(
        "coached",
        COHORT,
        form=lambda p: {"user": "erin", "role": "candidate"},
        expect={"alice": DENIED, "bob": DENIED, "carl": DENIED},
    ),
    ("POST", "/cohorts/{cohort_id}/assignments"): Rule(
        "coached",
        COHORT,
        form=lambda p: {"kind": "cards", "ids": "overfitting"},
        expect={"alice": {404}},
    ),
    ("GET", "/assignments"): Rule("shared"),
    ("POST", "/assignments/{assignment_id}/start"): Rule("own", MOCK_ASSIGNMENT, form=lambda p: {}),
    ("GET", "/assignments/{assignment_id}/kit"): Rule("coached", KIT_ASSIGNMENT),
    ("GET", "/candidates/{user_id}"): Rule("coached", ALICE_ID),
    ("GET", "/candidates/{user_id}/cards/{card_id}"): Rule("coached", {**ALICE_ID, **CARD}),
    ("POST", "/candidates/{user_id}/cards/{card_id}/comments"): Rule(
        "coached",
        {**ALICE_ID, **CARD},
        form=lambda p: {"body": f"{p} comments on the card"},
        expect={"alice": DENIED},
    ),
}


def app_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every route, included routers flattened (FastAPI >= 0.16x keeps
    them as lazy ``_IncludedRouter`` entries in ``app.routes``; ``iter_route_contexts``
    gives their effective paths)."""
    from fastapi import routing

    flatten = getattr(routing, "iter_route_contexts", None)
    routes: Iterable[Any] = flatten(app.routes) if flatten is not None else app.routes
    for route in routes:
        methods = route.methods
        if methods is None:  # a mount (static files): GET below its path
            yield "GET", route.path
        else:
            for method in sorted(set(methods) - {"HEAD"}):
                yield method, route.path


def _add_cohort(store: Store, name: str, members: dict[int, str]) -> int:
    with store.transaction() as session:
        cohort = Cohort(name=name, created_at=datetime.now(UTC))
        session.add(cohort)
        session.flush()
        for user_id, role in members.items():
            session.add(CohortMember(cohort_id=cohort.id, user_id=user_id, role=role))
        return int(cohort.id)


@pytest.fixture
def world(store: Store, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("MLINTERVIEW_BROKER_URL", redis_url)  # a real Redis; no worker needed
    accounts = Accounts(store)
    ids = {"boss": accounts.add("boss", "admin", PASSWORDS["boss"]).id}
    ids["alice"] = accounts.add(ALICE, "candidate", PASSWORDS[ALICE]).id
    ids["bob"] = accounts.add("bob", "candidate", PASSWORDS["bob"]).id
    ids["carl"] = accounts.add("carl", "coach", PASSWORDS["carl"]).id
    ids["erin"] = accounts.add("erin", "candidate", PASSWORDS["erin"]).id
    # carl coaches two cohorts: alice's and erin's; bob's cohort is not his.
    ids["spring"] = _add_cohort(store, "spring", {ids["alice"]: "candidate", ids["carl"]: "coach"})
    _add_cohort(store, "summer", {ids["erin"]: "candidate", ids["carl"]: "coach"})
    _add_cohort(store, "autumn", {ids["bob"]: "candidate"})
    ws = Workspace(store)
    world = World(create_app(store, team=True), store, ws, accounts, ids)
    alice = world.alice()
    alice.set_language("de")
    alice.record_rating("overfitting", 1, lang="de", answer=ALICE_SECRET)
    alice.hints("softmax", "en", reveal=True)
    carl = ws.for_user(ids["carl"])
    ids["mock_assignment"] = carl.assign(ids["spring"], "mock", role="generalist", minutes=15)
    ids["kit_assignment"] = carl.assign(ids["spring"], "kit", role="generalist", minutes=30)
    ids["submission"] = alice.submit_for_judging("softmax", "x = 1  # queued, never judged here")
    for persona in PERSONAS:
        world.clients[persona] = TestClient(world.app)
        world.client(persona)
    return world


def test_every_route_is_in_the_table(world: World) -> None:
    found = set(app_routes(world.app))
    missing = sorted(found - set(ROUTES))
    assert not missing, f"add it to ROUTES with its access rule: {missing}"
    stale = sorted(set(ROUTES) - found)
    assert not stale, f"ROUTES lists routes the app no longer has: {stale}"


def _request(world: World, persona: str, method: str, url: str, rule: Rule) -> Response:
    client = world.client(persona)
    csrf = world.session_csrf(persona) if persona != "anon" else None
    if method == "GET":
        return client.get(url, follow_redirects=False)
    if rule.json is not None:
        headers = {"X-CSRF-Token": csrf} if csrf else {}
        return client.post(url, json=rule.json(persona), headers=headers, follow_redirects=False)
    form = dict(rule.form(persona)) if rule.form is not None else {}
    if csrf:
        form["csrf_token"] = csrf
    elif url == "/login":  # before login: the double-submit cookie of the login page
        page = client.get("/login")
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert found
        form["csrf_token"] = found.group(1)
    return client.post(url, data=form, follow_redirects=False)


def _expected(rule: Rule, persona: str, url: str) -> frozenset[int]:
    if persona in rule.expect:
        return rule.expect[persona]
    if persona == "anon":
        if rule.access == "public":
            return rule.anon_ok or rule.ok
        return frozenset({401}) if url.startswith("/api/") else frozenset({303})
    if rule.access == "own" and persona != "alice":
        return frozenset({404})
    if rule.access == "coached" and persona == "bob":
        return frozenset({404})
    return rule.ok


def test_each_persona_gets_only_what_the_table_allows(world: World) -> None:
    problems: list[str] = []
    for (method, path), rule in ROUTES.items():
        params = {name: make(world) for name, make in rule.params.items()}
        url = rule.url or path.format(**params)
        for persona in PERSONAS:
            before = world.snapshot()
            response = _request(world, persona, method, url, rule)
            where = f"{method} {url} as {persona}"
            expected = _expected(rule, persona, url)
            if response.status_code not in expected:
                problems.append(f"{where}: {response.status_code}, expected {sorted(expected)}")
                continue
            location = response.headers.get("location", "")
            anon_redirect = persona == "anon" and rule.access != "public" and response.is_redirect
            if anon_redirect and not location.startswith("/login?next="):
                problems.append(f"{where}: redirected to {location}, not the login page")
            if persona != "anon" and rule.check is not None:
                try:
                    rule.check(persona, response)
                except AssertionError as exc:
                    problems.append(f"{where}: {exc or 'check failed'}")
            if persona in ("anon", "alice"):
                continue
            if world.snapshot() != before:
                problems.append(f"{where}: changed alice's data")
            if rule.access == "coached" and persona in ("carl", "boss"):
                continue  # they may see alice's data here
            mocks = [m.id for m in world.alice().mocks()]
            links = [f'href="/mock/{i}"' for i in mocks] + [f'href="/mock/{i}/' for i in mocks]
            for secret in (ALICE, ALICE_SECRET, str(ALICE_SEED), '<html lang="de"', *links):
                if secret in response.text:
                    problems.append(f"{where}: the response contains alice's {secret!r}")
    assert not problems, "\n".join(problems)


def test_the_walk_would_notice_a_leak(world: World) -> None:
    """The leak check is not vacuous: alice's own pages show her name, her language and her
    mock's seed, which the walk looks for in everyone else's responses."""
    mock = world.alice_mock()
    alice = world.client("alice")
    report = alice.get(f"/mock/{mock}/report")
    assert report.status_code == 200 and f"seed {ALICE_SEED}" in report.text
    home = alice.get("/")
    assert ALICE in home.text and '<html lang="de"' in home.text
    assert f'href="/mock/{mock}"' in alice.get("/mock").text
    bob = world.client("bob")
    assert bob.get(f"/mock/{mock}/report").status_code == 404
    assert f'href="/mock/{mock}"' not in bob.get("/mock").text
