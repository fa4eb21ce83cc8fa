"""`mlinterview serve --team --workers 2` for real: two server processes on one port.

Nothing a request needs may live in only one of them: the session-signing secret (here
generated and kept in the database, no MLINTERVIEW_SECRET_KEY), sessions and their end,
CSRF tokens and the failed-login limits. Every request after the login goes on a fresh
connection, so the kernel hands it to either process.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
from team_helpers import MLINTERVIEW, free_port, stop_group

from serving import wait_until_serving

ALICE_PW = "alice-password-1"
BOB_PW = "bob-password-12"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _fresh(base: str, session_cookie: str | None = None) -> httpx.Client:
    cookies = {"mli_session": session_cookie} if session_cookie else {}
    return httpx.Client(base_url=base, cookies=cookies, headers={"Connection": "close"})


def test_two_server_processes_share_secret_sessions_csrf_and_login_limits(
    team_env: dict[str, str], team_database: str, tmp_path: Path
) -> None:
    from mlinterview.store.db import Store
    from mlinterview.team.accounts import Accounts

    store = Store(team_database)
    Accounts(store).add("alice", "admin", ALICE_PW)
    Accounts(store).add("bob", "candidate", BOB_PW)
    store.close()
    env = {k: v for k, v in team_env.items() if k != "MLINTERVIEW_SECRET_KEY"}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [MLINTERVIEW, "serve", "--team", "--workers", "2", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # each process loads the bank and grader models first
        wait_until_serving(proc, base + "/login", timeout=180, log=log)
        assert "2 process(es)" in log.read_text()
        servers = [
            c
            for c in _children(proc.pid)
            if "multiprocessing" in Path(f"/proc/{c}/cmdline").read_text()
            and "resource_tracker" not in Path(f"/proc/{c}/cmdline").read_text()
        ]
        assert len(servers) == 2, _children(proc.pid)

        with _fresh(base) as first:
            answer = first.post("/api/login", json={"user": "alice", "password": ALICE_PW})
            assert answer.status_code == 200, answer.text
            csrf = answer.json()["csrf"]
            cookie = first.cookies["mli_session"]

        # The cookie signed by one process is accepted by both, request after request.
        for _ in range(12):
            with _fresh(base, cookie) as client:
                me = client.get("/api/me")
                assert me.status_code == 200 and me.json()["name"] == "alice", me.text

        # A page's form token (bound to the session) is accepted on other connections.
        with _fresh(base, cookie) as client:
            page = client.get("/practice")
        assert page.status_code == 200
        form_csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        card = page.text.split('action="/practice/', 1)[1].split("/", 1)[0]
        for rating in ("3", "4", "2"):
            with _fresh(base, cookie) as client:
                rated = client.post(
                    f"/practice/{card}/rate",
                    data={"csrf_token": form_csrf, "rating": rating},
                    follow_redirects=False,
                )
            assert rated.status_code == 303, rated.text
        with _fresh(base, cookie) as client:
            progress = client.get("/api/me/progress").json()
        assert progress["reviews_today"] == 3

        # Failed logins count in the database, whichever process saw them.
        for _ in range(5):
            with _fresh(base) as client:
                wrong = client.post("/api/login", json={"user": "bob", "password": "not-it-at-all"})
            assert wrong.status_code == 401
        with _fresh(base) as client:
            refused = client.post("/api/login", json={"user": "bob", "password": BOB_PW})
        assert refused.status_code == 429

        # Logging out on one connection ends the session in every process.
        with _fresh(base, cookie) as client:
            assert client.post("/api/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
        for _ in range(8):
            with _fresh(base, cookie) as client:
                assert client.get("/api/me").status_code == 401
    finally:
        stop_group(proc)
    assert proc.poll() is not None
