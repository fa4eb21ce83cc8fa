"""Helpers of the team-mode tests: start and stop redis-server, databases, users, polling."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from serving import free_port

# The submissions the job tests send: the iou reference and one of its reviewed wrong answers.
BANK = Path(__file__).resolve().parents[2] / "src" / "mlinterview" / "bank" / "problems"
REFERENCE = (BANK / "iou" / "reference.py").read_text(encoding="utf-8")
WRONG = (BANK / "iou" / "wrong_union_is_sum.py").read_text(encoding="utf-8")

# Short, so a killed worker's jobs come back within seconds (production default: 120 s).
TEST_VISIBILITY_TIMEOUT = 4
MLINTERVIEW = str(Path(sys.executable).with_name("mlinterview"))


def stop_group(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM the leader (a worker then shuts down warm, its pool with it), SIGKILL the
    whole process group if anything lingers, and reap the leader."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=grace)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def start_redis(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing; .ci/run must install it")
        pytest.skip("no redis-server on this machine (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen(
        [
            *(binary, "--port", str(port), "--bind", "127.0.0.1", "--protected-mode", "yes"),
            *("--save", "", "--appendonly", "no", "--dir", str(workdir)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2) as s:
            s.sendall(b"PING\r\n")
            if s.recv(16).startswith(b"+PONG"):
                break
        if time.monotonic() > deadline or proc.poll() is not None:
            stop_group(proc)
            pytest.fail("redis-server did not start")
        time.sleep(0.05)
    return proc, f"redis://127.0.0.1:{port}/0"


def create_database(server_url: str) -> str:
    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return f"{server_url}/{name}"


#: The accounts of the team server the browser tests use: name -> (role, password).
TEAM_ACCOUNTS = {
    "boss": ("admin", "boss-password-12"),
    "coach": ("coach", "coach-password-1"),
    "alice": ("candidate", "alice-password-1"),
}

WorkerFactory = Callable[..., subprocess.Popen[bytes]]
WORKER_LOGS: dict[int, Path] = {}  # a started worker's pid -> its log file (stdout and stderr)


def add_user(store_url: str, name: str, role: str = "candidate") -> int:
    """A team account, written straight into the users table (accounts are another
    helper's work; the judge jobs only need the row)."""
    from mlinterview.store.db import open_store
    from mlinterview.store.models import User

    with open_store(store_url).transaction() as session:
        user = User(name=name, role=role, created_at=datetime.now(UTC))
        session.add(user)
        session.flush()
        return int(user.id)


def wait_done(ws: object, ids: list[int], timeout: float) -> dict[int, object]:
    """Poll until every submission is done; their stored forms by id (fails on timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        found = {i: ws.submission(i) for i in ids}  # type: ignore[attr-defined]
        if all(s.state == "done" for s in found.values()):
            return found
        if time.monotonic() > deadline:
            states = {i: s.state for i, s in found.items()}
            pytest.fail(f"submissions not done after {timeout} s: {states}")
        time.sleep(0.1)
