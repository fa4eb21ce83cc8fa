"""A job that keeps killing its worker is not delivered forever, and a judge error says
why: real redis-server, PostgreSQL and `mlinterview worker` processes."""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from team_helpers import REFERENCE, WorkerFactory, add_user, wait_done

from mlinterview.store.db import Store
from mlinterview.team.jobs import MAX_ATTEMPTS
from mlinterview.workspace import Workspace

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

# Correct, but it runs for a second: long enough to kill the pool process under it.
SLOW = "import time\n\ntime.sleep(1.0)\n\n" + REFERENCE
PASSWORD = "attempts-password-1"


def _pool_processes(worker_pid: int) -> list[int]:
    """The worker's pool processes: its direct children (the warm judges are below them)."""
    found = []
    for task in Path(f"/proc/{worker_pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"zygote" not in cmdline:
                found.append(int(child))
    return found


def _attempts(store: Store, submission_id: int) -> tuple[str, int]:
    from mlinterview.store.models import Submission

    with store.session() as session:
        row = session.get(Submission, submission_id)
        assert row is not None
        return row.state, row.attempts


def test_a_job_that_kills_its_worker_each_time_ends_as_a_judge_error_after_three(
    team_env: dict[str, str], start_worker: WorkerFactory
) -> None:
    store = Store(team_env["MLINTERVIEW_DATABASE_URL"])
    ws = Workspace(store, user_id=add_user(store.url, f"att-{uuid.uuid4().hex[:8]}"))
    worker = start_worker(concurrency=1)
    deadly = ws.submit_for_judging("iou", SLOW)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        deadline = time.monotonic() + 90
        while _attempts(store, deadly) != ("running", attempt):
            assert time.monotonic() < deadline, _attempts(store, deadly)
            time.sleep(0.02)
        # the pool process dies under the job, as if the code had made it crash
        for pid in _pool_processes(worker.pid):
            os.kill(pid, signal.SIGKILL)

    found = wait_done(ws, [deadly], timeout=90)[deadly]
    assert found.verdict == "Judge Error"  # type: ignore[attr-defined]
    assert f"stopped {MAX_ATTEMPTS} times" in found.error  # type: ignore[attr-defined]
    assert _attempts(store, deadly) == ("done", MAX_ATTEMPTS + 1)  # the last claim judged nothing

    # the worker itself lived through it and judges the next submission as usual
    fine = ws.submit_for_judging("iou", REFERENCE)
    done = wait_done(ws, [fine], timeout=60)[fine]
    assert done.verdict == "Accepted" and done.error == ""  # type: ignore[attr-defined]
    assert _attempts(store, fine) == ("done", 1)
    assert worker.poll() is None
    store.close()


def test_a_judge_error_is_stored_with_its_reason_and_shown_by_the_api(
    team_env: dict[str, str], start_worker: WorkerFactory
) -> None:
    """A queued submission whose problem left the bank before a worker took it (a bank
    upgrade between submitting and judging): the judge fails, and the API says why."""
    from mlinterview.store.jobs import enqueue_job
    from mlinterview.team.accounts import Accounts
    from mlinterview.team.jobs import QUEUE, TASK_NAME, celery_app
    from mlinterview.web.app import create_app

    store = Store(team_env["MLINTERVIEW_DATABASE_URL"])
    name = f"err-{uuid.uuid4().hex[:8]}"
    account = Accounts(store)
    if not any(a.role == "admin" and a.has_password for a in account.list()):
        account.add(f"admin-{name}", "admin", PASSWORD)
    user = account.add(name, "candidate", PASSWORD)
    start_worker(concurrency=1)
    gone = enqueue_job(store, user.id, problem_id="a-problem-no-longer-there", code=REFERENCE)
    celery_app().send_task(TASK_NAME, args=[gone], queue=QUEUE)
    ws = Workspace(store, user_id=user.id)
    found = wait_done(ws, [gone], timeout=90)[gone]
    assert found.verdict == "Judge Error"  # type: ignore[attr-defined]

    with TestClient(create_app(store, team=True)) as client:
        login = client.post("/api/login", json={"user": name, "password": PASSWORD})
        assert login.status_code == 200, login.text
        data = client.get(f"/api/submissions/{gone}").json()
        assert data["state"] == "done" and data["verdict"] == "Judge Error"
        assert data["error"].startswith("not judged: the judge failed on this submission (")
        queued = ws.submit_for_judging("iou", REFERENCE)
        accepted = wait_done(ws, [queued], timeout=60)[queued]
        assert accepted.verdict == "Accepted"  # type: ignore[attr-defined]
        assert client.get(f"/api/submissions/{queued}").json()["error"] is None
    store.close()
