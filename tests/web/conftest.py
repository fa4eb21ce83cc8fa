"""A real `mlinterview serve` process and a real Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(database_url: str, home: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = dict(os.environ, MLINTERVIEW_DATABASE_URL=database_url, HOME=str(home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlinterview.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            output = proc.stdout.read().decode() if proc.stdout else ""
            raise RuntimeError(f"server exited: {output}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as response:
                if response.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not answer within 60 s")


#: The accounts of the team server fixture: name -> (role, password).
TEAM_ACCOUNTS = {
    "boss": ("admin", "boss-password-12"),
    "coach": ("coach", "coach-password-1"),
    "alice": ("candidate", "alice-password-1"),
}


@pytest.fixture
def team_server(database_url: str, tmp_path: Path) -> Iterator[str]:
    """`mlinterview serve --team` as a process over the database, with TEAM_ACCOUNTS in it.

    The broker URL is only checked to be set: the pages these tests use queue no code.
    """
    from mlinterview.store.db import Store
    from mlinterview.team.accounts import Accounts

    store = Store(database_url)
    accounts = Accounts(store)
    for name, (role, password) in TEAM_ACCOUNTS.items():
        accounts.add(name, role, password)
    store.close()
    port = _free_port()
    env = dict(
        os.environ,
        MLINTERVIEW_DATABASE_URL=database_url,
        HOME=str(tmp_path),
        MLINTERVIEW_BROKER_URL="redis://127.0.0.1:6399/0",
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


@pytest.fixture
def logged_in(browser: Any, team_server: str) -> Iterator[Callable[[str], Any]]:
    """Open a page logged in as one of TEAM_ACCOUNTS, in its own browser context (own
    cookies), through the login form, as a person at their own desk would."""
    contexts: list[Any] = []

    def open_as(name: str) -> Any:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(team_server + "/login")
        page.fill("#name", name)
        page.fill("#password", TEAM_ACCOUNTS[name][1])
        page.click("#login-button")
        page.wait_for_url(team_server + "/")
        assert page.locator("#account-name").inner_text() == name
        return page

    yield open_as
    for context in contexts:
        context.close()


@pytest.fixture
def server(sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    proc, base = start_server(sqlite_url, tmp_path)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing; .ci/run must install it")
        pytest.skip("no /usr/bin/chromium on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    """Save a full-page screenshot under test-artifacts/screenshots/ (the README uses them)."""

    def take(page: Any, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
