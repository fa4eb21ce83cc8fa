"""Team mode in the web app (in-process, real SQLite and PostgreSQL): login and logout,
401 for the API vs the login page for pages, CSRF bound to the session, per-person
language, password change; and local mode exactly as before (no login)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mlinterview.store.db import Store
from mlinterview.team.accounts import Accounts
from mlinterview.web.app import create_app
from mlinterview.web.team import SESSION_COOKIE
from serving import free_port, wait_until_serving

ALICE_PW = "alice-password-1"
BOB_PW = "bob-password-12"


@pytest.fixture
def team_app(store: Store, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    # Team mode needs a broker URL to start; these tests never queue a job, so the
    # address is never contacted (tests/team uses a real Redis where jobs are queued).
    monkeypatch.setenv("MLINTERVIEW_BROKER_URL", "redis://127.0.0.1:6390/0")
    accounts = Accounts(store)
    accounts.add("boss", "admin", "boss-password-12")
    accounts.add("alice", "candidate", ALICE_PW)
    accounts.add("bob", "candidate", BOB_PW)
    return create_app(store, team=True)


def api_login(client: TestClient, user: str, password: str) -> str:
    response = client.post("/api/login", json={"user": user, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["csrf"])


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def test_without_a_session_pages_go_to_login_and_the_api_says_401(team_app: FastAPI) -> None:
    client = TestClient(team_app)
    page = client.get("/practice?topic=statistics", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=/practice%3Ftopic%3Dstatistics"
    for path in ("/", "/questions/overfitting", "/mock", "/account/password"):
        assert client.get(path, follow_redirects=False).status_code == 303, path
    posted = client.post("/lang", data={"lang": "de"}, follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"].startswith("/login")
    for path in ("/api/me", "/api/me/progress", "/api/anything-else"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json() == {"detail": "not logged in: POST /api/login first"}
    assert client.post("/api/logout").status_code == 401
    # Public: the login page, static files, the favicon and the OpenAPI page.
    assert client.get("/login").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/favicon.ico").status_code == 200
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/login", "/api/logout", "/api/me", "/api/me/progress"} <= set(paths)
    assert "LoginIn" in str(client.get("/openapi.json").json()["components"])


def test_login_form_sets_a_hardened_cookie_and_goes_where_it_was_asked(
    team_app: FastAPI,
) -> None:
    client = TestClient(team_app)
    page = client.get("/login?next=/questions")
    assert page.status_code == 200 and 'id="login-form"' in page.text
    assert 'id="account"' not in page.text and "/practice" not in page.text  # no menu yet
    token = form_token(page.text)
    wrong = client.post(
        "/login", data={"csrf_token": token, "name": "alice", "password": "nope-nope-nope"}
    )
    assert wrong.status_code == 401 and "Wrong user name or password." in wrong.text
    no_token = client.post(
        "/login", data={"name": "alice", "password": ALICE_PW}, follow_redirects=False
    )
    assert no_token.status_code == 403
    done = client.post(
        "/login",
        data={"csrf_token": token, "name": "alice", "password": ALICE_PW, "next": "/questions"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/questions"
    cookie = done.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie
    assert "SameSite=lax" in cookie and "Secure" not in cookie  # plain http here
    home = client.get("/")
    assert home.status_code == 200
    assert "Logged in as alice" in home.text and 'id="logout"' in home.text
    # An open redirect is refused: only paths on this site.
    other = TestClient(team_app)
    evil = other.post(
        "/login",
        data={
            "csrf_token": form_token(other.get("/login").text),
            "name": "bob",
            "password": BOB_PW,
            "next": "//evil.example",
        },
        follow_redirects=False,
    )
    assert evil.headers["location"] == "/"


def test_the_cookie_is_secure_over_https(team_app: FastAPI) -> None:
    client = TestClient(team_app, base_url="https://testserver")
    response = client.post("/api/login", json={"user": "alice", "password": ALICE_PW})
    assert response.status_code == 200 and "Secure" in response.headers["set-cookie"]


def test_the_login_page_speaks_german(team_app: FastAPI) -> None:
    client = TestClient(team_app)
    page = client.get("/login?lang=de")
    assert '<html lang="de">' in page.text and "Benutzername" in page.text
    wrong = client.post(
        "/login?lang=de",
        data={"csrf_token": form_token(page.text), "name": "alice", "password": "falsch-falsch"},
    )
    assert "Benutzername oder Passwort falsch." in wrong.text
    by_browser = client.get("/login", headers={"accept-language": "de-DE,de;q=0.9"})
    assert "Anmelden" in by_browser.text


def test_api_login_logout_me_and_progress(team_app: FastAPI) -> None:
    client = TestClient(team_app)
    assert client.post("/api/login", json={"user": "alice", "password": "x" * 10}).status_code == (
        401
    )
    missing = client.post("/api/login", json={"user": "alice"})
    assert missing.status_code == 422 and missing.json() == {"detail": "password: Field required"}
    as_text = client.post(  # a cross-site form can send text/plain, never JSON
        "/api/login",
        content=f'{{"user": "alice", "password": "{ALICE_PW}"}}',
        headers={"content-type": "text/plain"},
    )
    assert as_text.status_code == 422 and SESSION_COOKIE not in as_text.headers.get(
        "set-cookie", ""
    )
    csrf = api_login(client, "alice", ALICE_PW)
    me = client.get("/api/me").json()
    assert me["name"] == "alice" and me["role"] == "candidate"
    # Practise one card in alice's session; her progress counts it.
    page = client.get("/practice")
    card = re.search(r'action="/practice/([^/"]+)/answer"', page.text)
    assert card
    rated = client.post(
        f"/practice/{card.group(1)}/rate",
        data={"csrf_token": form_token(page.text), "rating": "3"},
        follow_redirects=False,
    )
    assert rated.status_code == 303
    progress = client.get("/api/me/progress").json()
    assert progress["reviews_today"] == 1
    assert sum(t["seen"] for t in progress["topics"]) == 1
    assert {"topic", "seen", "due_now", "mature", "recall_in_a_week"} <= set(progress["topics"][0])
    assert client.post("/api/logout").status_code == 403  # no X-CSRF-Token
    assert client.post("/api/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/me").status_code == 401


def test_a_csrf_token_from_another_session_is_refused(team_app: FastAPI) -> None:
    alice, bob = TestClient(team_app), TestClient(team_app)
    alice_csrf = api_login(alice, "alice", ALICE_PW)
    bob_csrf = api_login(bob, "bob", BOB_PW)
    assert alice_csrf != bob_csrf
    # The same person logged in twice has two sessions, and two tokens.
    again = TestClient(team_app)
    assert api_login(again, "alice", ALICE_PW) != alice_csrf
    for sent in (alice_csrf, "", "0" * 64):
        form = bob.post("/lang", data={"lang": "de", "csrf_token": sent}, follow_redirects=False)
        assert form.status_code == 403, sent
        api = bob.post("/api/logout", headers={"X-CSRF-Token": sent})
        assert api.status_code == 403 and "X-CSRF-Token" in api.json()["detail"]
    # A form token shown on bob's own page works; the double-submit cookie alone does not.
    page_token = form_token(bob.get("/").text)
    assert page_token == bob_csrf
    ok = bob.post("/lang", data={"lang": "de", "csrf_token": bob_csrf}, follow_redirects=False)
    assert ok.status_code == 303
    assert bob.get("/api/me").status_code == 200


def test_each_person_has_their_own_language_and_header(team_app: FastAPI) -> None:
    alice, bob = TestClient(team_app), TestClient(team_app)
    csrf = api_login(alice, "alice", ALICE_PW)
    api_login(bob, "bob", BOB_PW)
    alice.post("/lang", data={"lang": "de", "csrf_token": csrf}, follow_redirects=False)
    assert '<html lang="de">' in alice.get("/").text
    bob_home = bob.get("/").text
    assert '<html lang="en">' in bob_home and "Logged in as bob" in bob_home
    assert "alice" not in bob_home
    # Both read the same question in their own language; the rendered bank text (not
    # per person) is cached once for everyone.
    assert '<html lang="de">' in alice.get("/questions/overfitting").text
    assert '<html lang="en">' in bob.get("/questions/overfitting").text
    contexts = list(team_app.state.team._contexts.values())
    assert len(contexts) == 2 and contexts[0]._card_html is contexts[1]._card_html
    assert {key[1] for key in contexts[0]._card_html} == {"de", "en"}
    # Logged in, the login page sends you on.
    again = alice.get("/login?next=/questions", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/questions"


def test_logout_ends_this_session_even_if_the_cookie_is_replayed_and_no_other(
    team_app: FastAPI,
) -> None:
    client, phone = TestClient(team_app), TestClient(team_app)
    api_login(client, "alice", ALICE_PW)
    phone_csrf = api_login(phone, "alice", ALICE_PW)  # the same account on a second device
    stolen = client.cookies.get(SESSION_COOKIE)
    token = form_token(client.get("/").text)
    out = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert f'{SESSION_COOKIE}=""' in out.headers["set-cookie"]
    replay = TestClient(team_app, cookies={SESSION_COOKIE: stolen or ""})
    assert replay.get("/api/me").status_code == 401
    assert replay.get("/", follow_redirects=False).status_code == 303
    # The phone's session is another one: still logged in, until it logs out itself.
    assert phone.get("/api/me").json()["name"] == "alice"
    phone_cookie = phone.cookies.get(SESSION_COOKIE) or ""
    assert phone.post("/api/logout", headers={"X-CSRF-Token": phone_csrf}).status_code == 204
    replay = TestClient(team_app, cookies={SESSION_COOKIE: phone_cookie})
    assert replay.get("/api/me").status_code == 401
    # Logging in again starts a new session that works.
    api_login(client, "alice", ALICE_PW)
    assert client.get("/api/me").status_code == 200


def test_password_change_keeps_this_browser_and_ends_the_others(team_app: FastAPI) -> None:
    here, elsewhere = TestClient(team_app), TestClient(team_app)
    api_login(here, "alice", ALICE_PW)
    api_login(elsewhere, "alice", ALICE_PW)
    page = here.get("/account/password")
    assert page.status_code == 200 and 'id="password-form"' in page.text
    token = form_token(page.text)
    differ = here.post(
        "/account/password",
        data={"csrf_token": token, "current": ALICE_PW, "new": "n" * 12, "repeat": "m" * 12},
    )
    assert differ.status_code == 400 and "differ" in differ.text
    wrong = here.post(
        "/account/password",
        data={"csrf_token": token, "current": "wrong-wrong", "new": "n" * 12, "repeat": "n" * 12},
    )
    assert wrong.status_code == 400 and "The current password is wrong." in wrong.text
    short = here.post(
        "/account/password",
        data={"csrf_token": token, "current": ALICE_PW, "new": "short", "repeat": "short"},
    )
    assert short.status_code == 400 and "must have 10 to 1024 characters" in short.text
    done = here.post(
        "/account/password",
        data={"csrf_token": token, "current": ALICE_PW, "new": "n" * 12, "repeat": "n" * 12},
    )
    assert done.status_code == 200 and 'id="password-changed"' in done.text
    assert here.get("/api/me").status_code == 200
    assert elsewhere.get("/api/me").status_code == 401
    fresh = TestClient(team_app)
    assert fresh.post("/api/login", json={"user": "alice", "password": ALICE_PW}).status_code == 401
    api_login(fresh, "alice", "n" * 12)


def test_api_login_is_rate_limited_with_429(team_app: FastAPI) -> None:
    client = TestClient(team_app)
    for _ in range(5):
        wrong = client.post("/api/login", json={"user": "bob", "password": "guess-guess"})
        assert wrong.status_code == 401
    limited = client.post("/api/login", json={"user": "bob", "password": BOB_PW})
    assert limited.status_code == 429
    assert re.fullmatch(
        r"too many failed logins; wait \d+ minutes and try again", limited.json()["detail"]
    )
    assert int(limited.headers["retry-after"]) > 0
    page = client.get("/login")
    form = client.post(
        "/login", data={"csrf_token": form_token(page.text), "name": "bob", "password": BOB_PW}
    )
    assert form.status_code == 429 and "Too many failed attempts" in form.text


def test_a_disabled_account_is_logged_out_on_its_next_request(
    team_app: FastAPI, store: Store
) -> None:
    client = TestClient(team_app)
    api_login(client, "bob", BOB_PW)
    assert client.get("/api/me").status_code == 200
    Accounts(store).disable("bob")
    assert client.get("/api/me").status_code == 401


def test_local_mode_is_unchanged(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    client = TestClient(create_app(store))
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 200 and 'id="logout"' not in home.text
    assert "Logged in as" not in home.text
    for path in ("/login", "/docs", "/openapi.json", "/api/me", "/account/password"):
        assert client.get(path).status_code == 404, path
    token = form_token(home.text)
    assert client.cookies.get("mli_csrf") == token  # the double-submit cookie, as before
    switched = client.post(
        "/lang", data={"lang": "de", "csrf_token": token}, follow_redirects=False
    )
    assert switched.status_code == 303
    store.close()


def test_serve_team_needs_a_broker_and_then_serves_logins(sqlite_url: str, tmp_path: Path) -> None:
    env = dict(os.environ, MLINTERVIEW_DATABASE_URL=sqlite_url, HOME=str(tmp_path))
    env.pop("MLINTERVIEW_BROKER_URL", None)
    command = [sys.executable, "-m", "mlinterview.cli", "serve", "--team"]
    refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1
    assert "set MLINTERVIEW_BROKER_URL" in refused.stderr
    assert refused.stderr.strip().count("\n") == 0

    store = Store(sqlite_url)
    Accounts(store).add("boss", "admin", "boss-password-12")
    store.close()
    port = free_port()
    env["MLINTERVIEW_BROKER_URL"] = "redis://127.0.0.1:6399/0"  # only checked to be set here
    proc = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(proc, base + "/login")
        with pytest.raises(urllib.error.HTTPError) as unauthorised:
            urllib.request.urlopen(base + "/api/me", timeout=5)
        assert unauthorised.value.code == 401
        request = urllib.request.Request(
            base + "/api/login",
            data=b'{"user": "boss", "password": "boss-password-12"}',
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200 and "mli_session=" in response.headers["set-cookie"]
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert "team mode on SQLite is for trying it out" in output
    assert "use PostgreSQL" in output
