"""Team mode in a real browser: `mlinterview serve --team` as a process, Chromium logs in
through the form, sees only its own name, logs out; in German before and after login."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mlinterview.store.db import Store
from mlinterview.team.accounts import Accounts

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def team_server(database_url: str, tmp_path: Path) -> Iterator[str]:
    store = Store(database_url)
    accounts = Accounts(store)
    accounts.add("boss", "admin", "boss-password-12")
    accounts.add("alice", "candidate", "alice-password-1")
    store.close()
    port = _free_port()
    env = dict(
        os.environ,
        MLINTERVIEW_DATABASE_URL=database_url,
        HOME=str(tmp_path),
        MLINTERVIEW_BROKER_URL="redis://127.0.0.1:6399/0",  # checked to be set, not used here
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlinterview.cli", "serve", "--team", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/login", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the team server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_log_in_practise_and_log_out_in_chromium(team_server: str, page: Any) -> None:
    page.goto(team_server + "/practice")
    assert page.url.startswith(team_server + "/login?next=/practice")
    page.click("text=Deutsch")
    assert page.locator("h1").inner_text() == "Anmelden"
    page.fill("#name", "alice")
    page.fill("#password", "wrong-password")
    page.click("#login-button")
    assert page.locator("#login-error").inner_text() == "Benutzername oder Passwort falsch."
    page.fill("#password", "alice-password-1")
    page.click("#login-button")
    page.wait_for_url(team_server + "/practice")
    account = page.locator("#account-name")
    assert account.inner_text() == "alice"
    assert (account.get_attribute("title") or "").startswith("Logged in as alice")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["mli_session"]["httpOnly"] and cookies["mli_session"]["sameSite"] == "Lax"
    # The language switch is alice's own setting now.
    page.select_option("#lang-select", "de")
    page.click("form.lang button")
    assert (account.get_attribute("title") or "").startswith("Angemeldet als alice")
    page.click("#logout")
    page.wait_for_url(team_server + "/login")
    page.goto(team_server + "/")
    assert "/login?next=/" in page.url
