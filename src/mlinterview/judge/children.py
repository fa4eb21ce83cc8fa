"""The processes a judge talks to: warm parents (zygotes) and the fresh-interpreter baseline.

A :class:`Handle` is the trusted side's ends of one child's pipes; the warm parent forks
the child and hands it the other ends, so the parent never sees tests or answers.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UID_BASE = 60000
HELLO_TIMEOUT = 120.0
THREAD_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
}


class JudgeUnavailable(RuntimeError):
    """The sandbox cannot run here (or lacks a layer the caller insisted on)."""


class WorkerDied(RuntimeError):
    pass


UID_RANGE = 16  # uids per judge instance (at most this many slots)
UID_RANGES = 64


def claim_uid_range() -> tuple[int, int]:
    """A uid range no other judge on this machine uses: (first uid, lock fd to keep open).

    Sweeps kill everything under a slot's uid; two judges sharing uids (say the web app
    and a `mlinterview solve` in a terminal) would kill each other's children.
    """
    directory = Path("/run/mlinterview-judge")
    if not os.access("/run", os.W_OK):
        directory = Path(tempfile.gettempdir()) / "mlinterview-judge-uids"
    with contextlib.suppress(FileExistsError):
        directory.mkdir(mode=0o700)
    info = os.lstat(directory)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
        raise JudgeUnavailable(f"{directory} must be a private directory owned by this user")
    for index in range(UID_RANGES):
        path = directory / f"range-{index}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        return UID_BASE + index * UID_RANGE, fd
    raise JudgeUnavailable("every sandbox uid range is in use by other judges")


# --- children: one warm-parent backend, one fresh-interpreter baseline ------------------


@dataclass
class Handle:
    """The trusted side's ends of one child's pipes."""

    job_fd: int
    result_fd: int
    status_fd: int | None
    kill: Callable[[], None]
    wait: Callable[[float], int | None]  # for backends without a status pipe
    pid: int = 0

    def ended(self) -> bool:
        """True when a child forked ahead of time died before getting its job."""
        if self.status_fd is None:
            return False
        readable, _, _ = select.select([self.status_fd], [], [], 0)
        return bool(readable)

    def discard(self) -> None:
        """Close our ends; an idle child reads end-of-file and exits by itself."""
        for fd in (self.job_fd, self.result_fd, self.status_fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)


class WarmParent:
    """One warm parent (zygote) process and its control socket."""

    def __init__(
        self,
        protected: list[str],
        drop_uid: bool,
        disabled: tuple[str, ...],
        runtime: str = "numpy",
    ) -> None:
        self.lock = threading.Lock()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **THREAD_ENV}
        if os.environ.get("PYTHONPATH"):
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        config = json.dumps(
            {"protected": protected, "drop_uid": drop_uid, "disabled": disabled, "runtime": runtime}
        )
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the worker
        self.proc = subprocess.Popen(
            [sys.executable, "-P", "-m", "mlinterview.judge.zygote", str(theirs.fileno()), config],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            cwd="/",
            env=env,
            start_new_session=True,
        )
        theirs.close()
        self.sock = ours
        self.sock.settimeout(HELLO_TIMEOUT)
        try:
            data = self.sock.recv(1 << 16)
        except OSError:
            data = b""
        if not data:
            self.close()
            self.stderr.seek(0)
            tail = self.stderr.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            raise JudgeUnavailable(f"the judge's warm parent did not start: {' '.join(tail)}")
        self.sock.settimeout(None)
        hello = json.loads(data)
        self.missing: dict[str, str] = dict(hello.get("missing", {}))
        self.abi = int(hello.get("abi", 0))

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def spawn(self, request: dict[str, Any]) -> Handle:
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        st_r, st_w = os.pipe()
        try:
            with self.lock:
                try:
                    socket.send_fds(self.sock, [json.dumps(request).encode()], [job_r, res_w, st_w])
                    reply = self.sock.recv(4096)
                except OSError as exc:
                    raise WorkerDied(str(exc)) from None
        except BaseException:
            for fd in (job_w, res_r, st_r):
                os.close(fd)
            raise
        finally:
            for fd in (job_r, res_w, st_w):
                os.close(fd)
        if not reply:
            for fd in (job_w, res_r, st_r):
                os.close(fd)
            raise WorkerDied("the warm parent closed its socket")
        answer = json.loads(reply)
        if "pid" not in answer:
            for fd in (job_w, res_r, st_r):
                os.close(fd)
            raise JudgeUnavailable(f"the judge could not start a child: {answer.get('error')}")
        pid = int(answer["pid"])

        def kill() -> None:
            with self.lock, contextlib.suppress(OSError):
                self.sock.send(json.dumps({"op": "kill", "pid": pid}).encode())

        return Handle(job_w, res_r, st_r, kill, lambda _timeout: None, pid)

    def close(self) -> None:
        try:
            self.sock.close()
        finally:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.stderr.close()


def spawn_fresh(runtime: str = "numpy") -> Handle:
    """The baseline: a brand-new interpreter per submission (no sandbox; benchmarks only)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **THREAD_ENV}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    proc = subprocess.Popen(
        [sys.executable, "-P", "-m", "mlinterview.judge.harness", runtime],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd="/",
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    job_fd, result_fd = os.dup(proc.stdin.fileno()), os.dup(proc.stdout.fileno())
    proc.stdin.close()
    proc.stdout.close()

    def wait(timeout: float) -> int | None:
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return (-code) & 0x7F if code < 0 else code << 8

    return Handle(job_fd, result_fd, None, proc.kill, wait)
