"""Kill -9 a judge worker mid-job: no submission is lost and none is judged into the
results twice (issue 17's acceptance test), with a real redis-server, PostgreSQL and
`mlinterview worker` processes.
"""

from __future__ import annotations

import os
import re
import signal
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select
from team_helpers import (
    REFERENCE,
    TEST_VISIBILITY_TIMEOUT,
    WORKER_LOGS,
    WRONG,
    WorkerFactory,
    add_user,
    wait_done,
)

from mlinterview.store.db import Store
from mlinterview.store.models import Submission
from mlinterview.workspace import Workspace

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

# Correct, but loading it takes a second: the kill lands while such a job runs.
SLOW = "import time\n\ntime.sleep(1.0)\n\n" + REFERENCE


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (read from /proc: pool processes, warm parents,
    sandbox children)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_kill_9_a_worker_mid_job_loses_no_submission_and_judges_none_twice(
    team_env: dict[str, str], start_worker: WorkerFactory
) -> None:
    store = Store(team_env["MLINTERVIEW_DATABASE_URL"])
    ws = Workspace(store, user_id=add_user(store.url, f"kill-{uuid.uuid4().hex[:8]}"))
    plan = [SLOW, WRONG, REFERENCE, SLOW, WRONG] * 4  # 20: 8 slow, 8 wrong, 4 quick
    expected = {}
    for source in plan:
        submission_id = ws.submit_for_judging("iou", source)
        expected[submission_id] = "Wrong Answer" if source == WRONG else "Accepted"

    first = start_worker(concurrency=2)
    deadline = time.monotonic() + 60
    while True:  # wait until the worker is judging: some done, a slow one running
        states = Counter(ws.submission(i).state for i in expected)
        if states["done"] >= 2 and states["running"] >= 1:
            break
        assert time.monotonic() < deadline, f"the first worker never got going: {states}"
        time.sleep(0.02)
    tree = descendants(first.pid)
    running = [i for i in expected if ws.submission(i).state == "running"]
    os.kill(first.pid, signal.SIGKILL)  # the worker's main process only, as a crash would
    killed_at = time.monotonic()
    first.wait(timeout=10)
    states = Counter(ws.submission(i).state for i in expected)
    assert states["done"] < len(expected), "the kill came too late to test anything"

    # Celery's pool processes die with it (PR_SET_PDEATHSIG), and their warm parents and
    # sandbox children follow once their sockets close: nothing is left judging.
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in tree):
        assert time.monotonic() < deadline, [p for p in tree if alive(p)]
        time.sleep(0.1)

    second = start_worker(concurrency=2)
    found = wait_done(ws, list(expected), timeout=120)
    recovered = time.monotonic() - killed_at
    for submission_id, verdict in expected.items():
        assert found[submission_id].verdict == verdict, (submission_id, found[submission_id])  # type: ignore[attr-defined]

    # Exactly one result per submission: one row each, and no delivery wrote a second one.
    with store.session() as session:
        rows = session.scalar(
            select(func.count()).select_from(Submission).where(Submission.user_id == ws.user_id)
        )
    assert rows == len(expected)
    text = "".join(WORKER_LOGS[p.pid].read_text(errors="replace") for p in (first, second))
    written = Counter(int(m) for m in re.findall(r"'done #(\d+)'", text))
    assert all(count == 1 for count in written.values()), written
    # the jobs the kill interrupted were judged again by the second worker
    assert any(f"#{i}'" in text for i in running)
    assert second.poll() is None
    print(
        f"\nkill -9 with {states['done']} done, {states['running']} running, "
        f"{states['queued']} queued; all {len(expected)} done {recovered:.1f} s after the kill "
        f"(visibility timeout {TEST_VISIBILITY_TIMEOUT} s)"
    )
    store.close()
