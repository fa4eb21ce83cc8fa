"""The submissions API and the problem page in team mode, over a real worker, redis-server
and PostgreSQL; the page is driven in a real Chromium."""

from __future__ import annotations

import re
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from team_helpers import REFERENCE, WRONG, WorkerFactory, add_user, free_port

from mlinterview.store.db import Store
from mlinterview.workspace import Workspace

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def store(team_env: dict[str, str]) -> Iterator[Store]:
    opened = Store(team_env["MLINTERVIEW_DATABASE_URL"])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def worker(start_worker: WorkerFactory) -> subprocess.Popen[bytes]:
    return start_worker(concurrency=2)


PASSWORD = "jobs-password-12"


@pytest.fixture(scope="module")
def account(store: Store) -> str:
    """The person who submits: the first account with a password is an admin."""
    from mlinterview.team.accounts import Accounts

    Accounts(store).add("jobs-admin", "admin", PASSWORD)
    return "jobs-admin"


@pytest.fixture(scope="module")
def client(store: Store, account: str) -> Iterator[TestClient]:
    from mlinterview.web.app import create_app

    with TestClient(create_app(store, team=True)) as test_client:
        login = test_client.post("/api/login", json={"user": account, "password": PASSWORD})
        assert login.status_code == 200, login.text
        yield test_client


def log_in(page: Any, served: str, account: str) -> None:
    page.goto(f"{served}/login")
    page.fill("#name", account)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("#login-button")


def open_iou_with(page: Any, served: str, account: str, code: str) -> None:
    """Log in and open the iou problem page with ``code`` in its editor."""
    log_in(page, served, account)
    page.goto(f"{served}/problems/iou")
    page.evaluate("code => window.mlEditor.setValue(code)", code)


def csrf(client: TestClient) -> str:
    page = client.get("/problems/iou")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def poll(client: TestClient, submission_id: int, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    seen = []
    while True:
        response = client.get(f"/api/submissions/{submission_id}")
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()
        seen.append(data["state"])
        if data["state"] == "done":
            return data
        assert data["verdict"] is None and data["tests"] == []
        assert time.monotonic() < deadline, seen
        time.sleep(0.05)


def test_post_queues_and_get_reports_the_verdict(
    client: TestClient, worker: subprocess.Popen[bytes]
) -> None:
    token = csrf(client)
    ids = {}
    for verdict, source in (("Accepted", REFERENCE), ("Wrong Answer", WRONG)):
        response = client.post(
            "/api/submissions",
            json={"problem": "iou", "source": source},
            headers={"X-CSRF-Token": token},
        )
        assert response.status_code == 202, response.text
        assert set(response.json()) == {"id"}
        ids[verdict] = response.json()["id"]
    for verdict, submission_id in ids.items():
        data = poll(client, submission_id)
        assert set(data) == {
            "id",
            "problem",
            "state",
            "verdict",
            "tests",
            "seconds",
            "error",
            "error_text",
        }
        assert (data["id"], data["problem"], data["verdict"]) == (submission_id, "iou", verdict)
        assert data["error"] is None  # judged: a verdict, not a judge error
        hidden = [t for t in data["tests"] if t["kind"] == "hidden"]
        assert len(hidden) == 1 and set(hidden[0]) == {"kind", "total", "passed", "first_failure"}


def test_the_api_refuses_what_it_must(client: TestClient, store: Store) -> None:
    token = csrf(client)
    body = {"problem": "iou", "source": REFERENCE}
    assert client.post("/api/submissions", json=body).status_code == 403  # no header
    wrong = client.post("/api/submissions", json=body, headers={"X-CSRF-Token": "x" + token})
    assert wrong.status_code == 403 and "X-CSRF-Token" in wrong.json()["detail"]
    unknown = client.post(
        "/api/submissions",
        json={"problem": "no_such_problem", "source": "x = 1"},
        headers={"X-CSRF-Token": token},
    )
    assert unknown.status_code == 404 and "detail" in unknown.json()
    invalid = client.post(
        "/api/submissions", json={"problem": "iou"}, headers={"X-CSRF-Token": token}
    )
    assert invalid.status_code == 422 and "source" in str(invalid.json()["detail"])
    # another user's submission is a 404, exactly like one that does not exist
    other = Workspace(store, user_id=add_user(store.url, f"other-{uuid.uuid4().hex[:8]}"))
    theirs = other.submit_for_judging("iou", REFERENCE)
    for path in (f"/api/submissions/{theirs}", "/api/submissions/999999", "/api/submissions/x"):
        response = client.get(path)
        assert response.status_code == 404 and "detail" in response.json(), (path, response.text)
        assert str(theirs) not in response.text or "no submission" in response.text
    assert client.get(f"/api/submissions/{2**40}").status_code == 404


@pytest.fixture(scope="module")
def served(store: Store) -> Iterator[str]:
    """The team-mode app on a loopback port (uvicorn in a thread of this process)."""
    import uvicorn

    from mlinterview.web.app import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(store, team=True), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.browser
def test_the_problem_page_shows_queued_running_done_without_a_reload(
    served: str, browser: Any, worker: subprocess.Popen[bytes], account: str
) -> None:
    page = browser.new_page()
    try:
        log_in(page, served, account)
        page.goto(f"{served}/problems/iou")
        page.evaluate("window.__sameDocument = true")  # gone if the page reloads
        slow = "import time\n\ntime.sleep(1.0)\n\n" + REFERENCE
        page.evaluate("code => window.mlEditor.setValue(code)", slow)
        page.click("#submit-code")
        page.wait_for_selector("#verdict-section[data-state='running']", timeout=30_000)
        page.wait_for_selector("#verdict-section[data-state='done']", timeout=60_000)
        assert page.text_content("#verdict") == "Accepted"
        assert page.evaluate("window.__sameDocument") is True
        hidden = page.locator("tr.hidden-summary")
        assert hidden.get_attribute("data-passed") == hidden.get_attribute("data-total")

        # a wrong answer with a hostile-looking value in it: shown as text, never as markup
        hostile = WRONG + '\n\nNOTE = "<img src=x onerror=window.__pwned=1>"\n'
        page.evaluate("code => window.mlEditor.setValue(code)", hostile)
        page.click("#submit-code")
        page.wait_for_selector("#verdict-section[data-state='done']", timeout=60_000)
        assert page.text_content("#verdict") == "Wrong Answer"
        assert page.evaluate("window.__sameDocument") is True
        assert page.evaluate("window.__pwned") is None
    finally:
        page.close()


#: An iou that never returns: every test ends at the judge's time limit.
ENDLESS = "def iou(box_a, box_b):\n    while True:\n        pass\n"


@pytest.mark.browser
def test_a_german_reader_gets_the_judges_sentences_in_german(
    served: str, browser: Any, store: Store, worker: subprocess.Popen[bytes], account: str
) -> None:
    """The API compares on the judge's English and carries the person's language next to
    it; the page a worker's verdict is shown on reads the latter."""
    from mlinterview.judge.messages import message_in
    from mlinterview.team.accounts import Accounts

    name = f"jobs-de-{uuid.uuid4().hex[:8]}"
    person = Accounts(store).add(name, "candidate", PASSWORD)
    Workspace(store, user_id=person.id).set_language("de")
    page = browser.new_page()
    try:
        open_iou_with(page, served, name, ENDLESS)
        page.click("#submit-code")
        page.wait_for_selector("#verdict-section[data-state='done']", timeout=90_000)
        assert page.text_content("#verdict") == "Time Limit"
        submission = page.get_attribute("#verdict-section", "data-submission")
        data = page.request.get(f"{served}/api/submissions/{submission}").json()
        failed = [t for t in data["tests"] if t["kind"] == "example" and t.get("traceback")]
        assert failed, data
        english, german = failed[0]["traceback"], failed[0]["traceback_text"]
        assert german == message_in(english, "de") and german != english, (english, german)
        assert "gestoppt (das Limit pro Test)" in german.splitlines()[-1]
        assert failed[0]["error_text"] == message_in(failed[0]["error"], "de")
        assert data["error"] is None and data["error_text"] is None  # a verdict, no judge error
        assert page.text_content("#test-results details pre") == german
        # a wrong answer: why it differs, in German too
        page.evaluate("code => window.mlEditor.setValue(code)", WRONG)
        page.click("#submit-code")
        page.wait_for_selector("#verdict-section[data-state='done']", timeout=60_000)
        assert page.text_content("#verdict") == "Wrong Answer"
        why = page.locator("#test-results details > div").last.text_content() or ""
        assert why.startswith("erwartet ") and ", erhalten " in why, why
    finally:
        page.close()


@pytest.mark.browser
def test_without_javascript_submit_still_queues_and_the_page_follows_it(
    served: str, browser: Any, worker: subprocess.Popen[bytes], account: str
) -> None:
    """The form's own POST (what a browser without the fetch path sends) queues the job
    and renders the page with its id; the poller picks it up from there."""
    page = browser.new_page()
    try:
        open_iou_with(page, served, account, WRONG)
        page.evaluate("document.getElementById('code-form').removeAttribute('data-team')")
        with page.expect_navigation():
            page.click("#submit-code")
        assert page.get_attribute("#verdict-section", "data-submission")
        page.wait_for_selector("#verdict-section[data-state='done']", timeout=60_000)
        assert page.text_content("#verdict") == "Wrong Answer"
    finally:
        page.close()
