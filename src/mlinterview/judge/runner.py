"""The trusted side: holds tests and expected values, drives sandboxed children, decides.

A submission is judged in one child forked from a warm parent (:mod:`.zygote`), in two
batches over the same job pipe: first the visible examples, and only after their answers
have arrived, the hidden tests. So nothing the child learns from the hidden inputs can
reach what the user is shown (example outputs, tracebacks, printed text, messages):
replies to the hidden batch contribute a verdict per test and nothing else.

The trusted side never runs submitted code and never parses anything but length-prefixed
JSON from the child's own pipe; stdout and exit codes only ever make a verdict *worse*.
Each batch has a wall-clock deadline that ends in SIGKILL of the child, its process
group and everything under its uid.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import queue
import select
import selectors
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mlinterview.judge import protocol
from mlinterview.judge.compare import compare
from mlinterview.judge.problems import Problem, TestCase, TestSet, load_tests
from mlinterview.judge.verdict import JudgeResult, TestReport, Verdict

UID_BASE = 60000
HELLO_TIMEOUT = 120.0
KILL_GRACE = 5.0
# Ceilings for children forked ahead of their job; the job lowers them to the problem's
# own limits before the submission is loaded (see sandbox.lower_limits).
CEILING_CPU_SECONDS = 120
CEILING_MEMORY_BYTES = 4096 * 1024 * 1024
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


def batch_budget(time_limit: float, count: int) -> float:
    """Wall-clock seconds one batch may take: per-test limit, capped, plus start-up slack."""
    return min(time_limit * max(count, 1), 2 * time_limit + 2.0) + 0.5


def validate_source(source: str | bytes) -> tuple[str | None, str | None]:
    """(text, None) for an acceptable submission, else (None, a one-line reason)."""
    raw = source.encode("utf-8") if isinstance(source, str) else source
    if len(raw) > protocol.MAX_SOURCE_BYTES:
        return None, (
            f"the file is {len(raw) / 1e6:.1f} MB; submissions are limited to "
            f"{protocol.MAX_SOURCE_BYTES // 1000} KB"
        )
    if b"\x00" in raw:
        return None, "the file contains NUL bytes: it is binary, not Python source"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"the file is not UTF-8 text (byte {exc.start}): is it binary?"
    if not text.strip():
        return None, "the file is empty"
    return text, None


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


class _Worker:
    """One warm parent (zygote) process and its control socket."""

    def __init__(self, protected: list[str], drop_uid: bool, disabled: tuple[str, ...]) -> None:
        self.lock = threading.Lock()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **THREAD_ENV}
        if os.environ.get("PYTHONPATH"):
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        config = json.dumps({"protected": protected, "drop_uid": drop_uid, "disabled": disabled})
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


def _spawn_fresh() -> Handle:
    """The baseline: a brand-new interpreter per submission (no sandbox; benchmarks only)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **THREAD_ENV}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    proc = subprocess.Popen(
        [sys.executable, "-P", "-m", "mlinterview.judge.harness"],
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


# --- one child's life ------------------------------------------------------------------------


@dataclass
class Outcome:
    replies: list[dict[str, Any]] = field(default_factory=list)
    failure: Literal["timeout", "output", "protocol", "crash", "setup", "judge"] | None = None
    failed_batch: int = 0
    detail: str = ""
    status: int | None = None
    lingering: bool = False  # every batch answered; the child's end is settled later


def _valid_reply(reply: Any, count: int) -> dict[str, Any]:
    if type(reply) is not dict:
        raise protocol.ProtocolError("the reply is not an object")
    fatal = reply.get("fatal")
    if fatal is not None:
        if type(fatal) is not dict or fatal.get("kind") not in (*protocol.LOAD_KINDS, "setup"):
            raise protocol.ProtocolError("malformed fatal error")
        for key in ("message", "traceback"):
            if type(fatal.get(key, "")) is not str:
                raise protocol.ProtocolError(f"fatal {key} is not text")
        return {"fatal": fatal, "results": []}
    results = reply.get("results")
    if type(results) is not list or len(results) != count:
        raise protocol.ProtocolError(f"expected {count} results")
    for item in results:
        if type(item) is not dict or item.get("status") not in protocol.STATUSES:
            raise protocol.ProtocolError("malformed result")
        seconds: Any = item.get("seconds")
        if type(seconds) not in (int, float) or not math.isfinite(seconds) or seconds < 0:
            raise protocol.ProtocolError("malformed time")
        for key in ("error", "traceback", "stdout"):
            if type(item.get(key, "")) is not str:
                raise protocol.ProtocolError(f"{key} is not text")
        if item["status"] == "ok" and "output" not in item:
            raise protocol.ProtocolError("result without output")
    return {"fatal": None, "results": results}


def drive(
    handle: Handle, jobs: list[dict[str, Any]], budgets: list[float], linger: bool = False
) -> Outcome:
    """Send the jobs one at a time, collect one reply each, enforce every deadline.

    With ``linger``, return as soon as every batch is answered: the verdict cannot depend
    on anything the child does afterwards (exit codes are never trusted, and nothing more
    is read from it), so waiting for its end is left to the caller (``outcome.lingering``).
    """
    outcome = Outcome()
    selector = selectors.DefaultSelector()
    os.set_blocking(handle.job_fd, False)
    selector.register(handle.result_fd, selectors.EVENT_READ)
    if handle.status_fd is not None:
        selector.register(handle.status_fd, selectors.EVENT_READ)
    job_open = True
    writing = True
    pending = memoryview(protocol.encode(jobs[0]))
    selector.register(handle.job_fd, selectors.EVENT_WRITE)
    current = 0
    deadline = time.monotonic() + budgets[0]
    buffer = bytearray()
    result_open = True
    status_bytes = bytearray()
    status_done = handle.status_fd is None
    killed_at: float | None = None

    def fail(kind: Any, detail: str) -> None:
        nonlocal killed_at
        if outcome.failure is None:
            outcome.failure = kind
            outcome.failed_batch = current
            outcome.detail = detail
        if killed_at is None:
            handle.kill()
            killed_at = time.monotonic()

    def stop_writing() -> None:
        nonlocal writing
        if writing:
            selector.unregister(handle.job_fd)
            writing = False

    def close_job() -> None:
        nonlocal job_open
        stop_writing()
        if job_open:
            os.close(handle.job_fd)
            job_open = False

    def answered() -> bool:
        return len(outcome.replies) == len(jobs) or any(
            r["fatal"] is not None for r in outcome.replies
        )

    try:
        while result_open or not status_done:
            if linger and outcome.failure is None and answered():
                outcome.lingering = not status_done
                break
            now = time.monotonic()
            if killed_at is None and now >= deadline and (result_open or not status_done):
                if current < len(jobs) and len(outcome.replies) <= current:
                    fail("timeout", f"stopped after {budgets[current]:.1f} s (wall-clock limit)")
                else:
                    fail("timeout", "did not exit after reporting its results")
            if killed_at is not None and now - killed_at > KILL_GRACE:
                outcome.failure = outcome.failure or "judge"
                break
            limit = (killed_at + KILL_GRACE) if killed_at is not None else deadline
            events = selector.select(timeout=max(0.0, limit - now))
            for key, _mask in events:
                fd = key.fd
                if writing and fd == handle.job_fd:
                    try:
                        written = os.write(fd, pending)
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:
                        close_job()  # the child is gone; its status tells the rest
                        continue
                    pending = pending[written:]
                    if not pending:
                        stop_writing()
                elif fd == handle.result_fd:
                    chunk = os.read(fd, 1 << 20)
                    if not chunk:
                        selector.unregister(fd)
                        result_open = False
                        continue
                    if outcome.failure is not None:
                        continue  # the child is being killed; ignore what it still says
                    buffer += chunk
                    while len(buffer) >= protocol.HEADER.size and outcome.failure is None:
                        (length,) = protocol.HEADER.unpack_from(buffer)
                        if length > protocol.MAX_RESULT_MESSAGE:
                            fail("output", "the result message exceeds the output limit")
                            break
                        if len(buffer) < protocol.HEADER.size + length:
                            break
                        body = bytes(buffer[protocol.HEADER.size : protocol.HEADER.size + length])
                        del buffer[: protocol.HEADER.size + length]
                        if current >= len(jobs) or buffer:
                            fail("protocol", "the child sent more than one reply per batch")
                            break
                        try:
                            reply = _valid_reply(protocol.decode(body), len(jobs[current]["tests"]))
                        except protocol.ProtocolError as exc:
                            fail("protocol", f"invalid result message ({exc})")
                            break
                        outcome.replies.append(reply)
                        current += 1
                        if reply["fatal"] is not None or current >= len(jobs):
                            close_job()
                            deadline = time.monotonic() + 1.0  # time to exit cleanly
                        else:
                            pending = memoryview(protocol.encode(jobs[current]))
                            selector.register(handle.job_fd, selectors.EVENT_WRITE)
                            writing = True
                            deadline = time.monotonic() + budgets[current]
                elif handle.status_fd is not None and fd == handle.status_fd:
                    chunk = os.read(fd, 4)
                    if chunk:
                        status_bytes += chunk
                    if not chunk or len(status_bytes) >= 4:
                        selector.unregister(fd)
                        status_done = True
                        if len(status_bytes) >= 4:
                            outcome.status = int.from_bytes(status_bytes[:4], "little", signed=True)
                        elif outcome.failure is None:
                            outcome.failure = "judge"
                            outcome.detail = "the warm parent went away"
        if handle.status_fd is None:
            outcome.status = handle.wait(KILL_GRACE)
    finally:
        close_job()
        selector.close()
        os.close(handle.result_fd)
        if handle.status_fd is not None and not outcome.lingering:
            os.close(handle.status_fd)
    return outcome


def settle(handle: Handle, grace: float = 1.0) -> None:
    """Wait for a lingering child's end; kill it if it outstays ``grace`` seconds."""
    assert handle.status_fd is not None
    try:
        ready, _, _ = select.select([handle.status_fd], [], [], grace)
        if not ready:
            handle.kill()
            select.select([handle.status_fd], [], [], KILL_GRACE)
    finally:
        os.close(handle.status_fd)


# --- from outcome to verdict -----------------------------------------------------------------

STATUS_VERDICT = {
    "timeout": Verdict.TIME_LIMIT,
    "memory": Verdict.MEMORY_LIMIT,
    "output": Verdict.OUTPUT_LIMIT,
    "error": Verdict.RUNTIME_ERROR,
    "unsupported": Verdict.WRONG_ANSWER,
    "skipped": Verdict.NOT_RUN,
}
FATAL_VERDICT = {
    "compile": Verdict.COMPILE_ERROR,
    "runtime": Verdict.RUNTIME_ERROR,
    "timeout": Verdict.TIME_LIMIT,
    "memory": Verdict.MEMORY_LIMIT,
    "output": Verdict.OUTPUT_LIMIT,
    "setup": Verdict.JUDGE_ERROR,
}
FAILURE_VERDICT = {
    "timeout": Verdict.TIME_LIMIT,
    "output": Verdict.OUTPUT_LIMIT,
    "protocol": Verdict.RUNTIME_ERROR,
    "crash": Verdict.RUNTIME_ERROR,
    "setup": Verdict.JUDGE_ERROR,
    "judge": Verdict.JUDGE_ERROR,
}


def _clip(text: Any) -> str | None:
    return text[: protocol.SHOWN_TEXT] if isinstance(text, str) and text else None


def _test_report(
    problem: Problem, index: int, test: TestCase, item: dict[str, Any], reveal: bool
) -> TestReport:
    status = item["status"]
    seconds = float(item["seconds"])
    detail = None
    if status == "ok":
        detail = compare(
            test.expected,
            item["output"],
            problem.compare.mode,
            problem.compare.rtol,
            problem.compare.atol,
        )
        verdict = Verdict.WRONG_ANSWER if detail else Verdict.ACCEPTED
        if verdict is Verdict.ACCEPTED and seconds > problem.limits.time_seconds:
            verdict = Verdict.TIME_LIMIT
    else:
        verdict = STATUS_VERDICT[status]
        detail = _clip(item.get("error")) if status == "unsupported" else None
    if test.kind == "hidden" and not reveal:
        return TestReport(index, "hidden", verdict, seconds)
    return TestReport(
        index,
        test.kind,
        verdict,
        seconds,
        name=test.name,
        input=test.args,
        expected=test.expected,
        got=item.get("output"),
        detail=detail,
        error=_clip(item.get("error")) if status != "unsupported" else None,
        traceback=_clip(item.get("traceback")),
        stdout=_clip(item.get("stdout")),
    )


def _signal_name(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            return f"killed by signal {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    if os.WIFEXITED(status):
        return f"exit status {os.WEXITSTATUS(status)}"
    return f"wait status {status}"


def assemble(
    problem: Problem,
    batches: list[tuple[TestCase, ...]],
    outcome: Outcome,
    seconds: float,
    missing: tuple[str, ...],
    reveal: bool = False,
) -> JudgeResult:
    reports: list[TestReport] = []
    verdict: Verdict | None = None
    message: str | None = None
    traceback_text: str | None = None
    index = 0
    stopped = False
    status = outcome.status
    # A run that reported everything but then died or had to be killed is not a success.
    if outcome.failure is None and status is not None:
        expected_replies = len(batches)
        complete = len(outcome.replies) == expected_replies or any(
            r["fatal"] is not None for r in outcome.replies
        )
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            outcome.failure, outcome.failed_batch = "timeout", len(outcome.replies)
            outcome.detail = f"CPU time limit reached ({_signal_name(status)})"
        elif os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXFSZ:
            outcome.failure, outcome.failed_batch = "output", len(outcome.replies)
            outcome.detail = "wrote more than the file-size limit"
        elif (
            os.WIFEXITED(status)
            and os.WEXITSTATUS(status) == protocol.EXIT_SETUP_FAILED
            and not outcome.replies
        ):
            outcome.failure, outcome.failed_batch = "setup", 0
        elif not complete or not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            outcome.failure, outcome.failed_batch = "crash", len(outcome.replies)
            outcome.detail = (
                f"the submission stopped without reporting all results ({_signal_name(status)})"
            )
    for batch_no, batch in enumerate(batches):
        reply = outcome.replies[batch_no] if batch_no < len(outcome.replies) else None
        visible = batch_no == 0 and (not batch or batch[0].kind == "example")
        if reply is not None and reply["fatal"] is not None:
            fatal = reply["fatal"]
            if verdict is None:
                verdict = FATAL_VERDICT[fatal["kind"]]
                if visible or reveal:
                    message = _clip(fatal.get("message"))
                    traceback_text = _clip(fatal.get("traceback"))
                else:
                    message = "the submission failed on the hidden tests"
            stopped = True
        if reply is None or reply["fatal"] is not None:
            if not stopped and outcome.failure is not None and verdict is None:
                verdict = FAILURE_VERDICT[outcome.failure]
                if outcome.failure == "setup":
                    message = "the sandbox could not be set up; this is a judge problem, not yours"
                else:
                    where = "the examples" if visible else "the hidden tests"
                    message = f"{outcome.detail or outcome.failure} while running {where}"
            stopped = True
            for test in batch:
                index += 1
                if test.kind == "hidden" and not reveal:
                    reports.append(TestReport(index, "hidden", Verdict.NOT_RUN, 0.0))
                else:
                    reports.append(
                        TestReport(
                            index,
                            test.kind,
                            Verdict.NOT_RUN,
                            0.0,
                            name=test.name,
                            input=test.args,
                            expected=test.expected,
                        )
                    )
            continue
        for test, item in zip(batch, reply["results"], strict=True):
            index += 1
            report = _test_report(problem, index, test, item, reveal)
            reports.append(report)
            if verdict is None and report.verdict not in (Verdict.ACCEPTED, Verdict.NOT_RUN):
                verdict = report.verdict
    if verdict is None:
        verdict = Verdict.ACCEPTED
    return JudgeResult(
        problem=problem.id,
        verdict=verdict,
        tests=tuple(reports),
        seconds=seconds,
        message=message,
        traceback=traceback_text,
        missing_layers=missing,
    )


# --- the public entry point ---------------------------------------------------------------


def protected_paths() -> list[str]:
    """What no child may read: the bank (hidden tests, references) and this package."""
    import mlinterview
    from mlinterview.content.loader import default_bank_dir

    return [str(default_bank_dir()), str(Path(mlinterview.__file__).parent)]


class Judge:
    """Judges submissions in hardened children of warm parents; thread-safe.

    ``workers`` warm parents (default: one per two cores) with ``slots_per_worker``
    children in flight each. ``strict=True`` refuses to run when any sandbox layer is
    missing (for servers); otherwise missing layers are named in every verdict, which
    is acceptable for local practice only. ``disabled_layers`` (any of "uid",
    "landlock", "seccomp") switches layers off, so tests can show that each remaining
    layer holds on its own. ``backend="fresh"`` starts a new interpreter per submission
    without any sandbox: the benchmark's baseline, never for users.

    With ``prefork`` (the default) every free slot keeps one child forked and hardened
    ahead of time, holding no data until its job arrives: fork and hardening then happen
    off the critical path. Each child still serves exactly one submission.
    """

    def __init__(
        self,
        *,
        workers: int | None = None,
        slots_per_worker: int = 2,
        strict: bool = False,
        backend: Literal["zygote", "fresh"] = "zygote",
        disabled_layers: tuple[str, ...] = (),
        prefork: bool = True,
    ) -> None:
        if os.name != "posix" or not hasattr(os, "fork"):
            raise JudgeUnavailable("the judge needs Linux or another POSIX system with fork()")
        self.backend = backend
        self.strict = strict
        count = workers if workers is not None else max(1, (os.cpu_count() or 2) // 2)
        if count * slots_per_worker > UID_RANGE:
            raise ValueError(f"at most {UID_RANGE} slots per judge")
        self._worker_count = count
        self._slots: queue.Queue[int] = queue.Queue()
        for slot in range(count * slots_per_worker):
            self._slots.put(slot)
        self._workers: list[_Worker | None] = [None] * count
        self._start_lock = threading.Lock()
        self.disabled_layers = disabled_layers
        self._drop_uid = os.geteuid() == 0 and "uid" not in disabled_layers and backend == "zygote"
        self.uid_base = 0
        self._uid_lock = -1
        if self._drop_uid:
            self.uid_base, self._uid_lock = claim_uid_range()
        self.missing: dict[str, str] = {}
        self._closed = False
        self.prefork = prefork and backend == "zygote"
        self._ready: dict[int, Handle] = {}
        self._refills: queue.Queue[tuple[int, Handle | None] | None] = queue.Queue()
        self._refiller: threading.Thread | None = None
        if backend == "fresh":
            from mlinterview.judge.sandbox import LAYERS

            self.missing = {name: "fresh-interpreter baseline (no sandbox)" for name in LAYERS}

    # -- lifecycle -----------------------------------------------------------------------
    def _worker(self, index: int) -> _Worker:
        with self._start_lock:
            if self._closed:
                raise JudgeUnavailable("the judge was closed")
            worker = self._workers[index]
            if worker is None or not worker.alive:
                if worker is not None:
                    worker.close()
                worker = _Worker(protected_paths(), self._drop_uid, self.disabled_layers)
                self.missing = worker.missing
                if self.strict and worker.missing:
                    worker.close()
                    raise JudgeUnavailable(f"sandbox layers missing: {self.describe_missing()}")
                self._workers[index] = worker
            return worker

    def start(self) -> Judge:
        """Start the warm parents (and fork the first children) now, not at first use."""
        if self.backend == "zygote":
            for index in range(self._worker_count):
                self._worker(index)
            if self.prefork:
                for _ in range(self._slots.qsize()):
                    self._hand_to_refiller(self._slots.get())
        return self

    def close(self) -> None:
        with self._start_lock:
            self._closed = True
        if self._refiller is not None:
            self._refills.put(None)
            self._refiller.join(timeout=30)
        for handle in list(self._ready.values()):
            handle.discard()
        self._ready.clear()
        with self._start_lock:
            for worker in self._workers:
                if worker is not None:
                    worker.close()
            self._workers = [None] * self._worker_count
            if self._uid_lock >= 0:  # only now may another judge take these uids
                os.close(self._uid_lock)
                self._uid_lock = -1

    def wait_idle(self) -> None:
        """Block until every free slot has its child forked ahead (tests, benchmarks)."""
        if self.prefork:
            self._refills.join()

    def waiting_children(self) -> set[int]:
        """Pids of children forked ahead of time that wait, empty-handed, for a job."""
        return {handle.pid for handle in list(self._ready.values())}

    def _hand_to_refiller(self, slot: int, lingering: Handle | None = None) -> None:
        with self._start_lock:
            if self._refiller is None and not self._closed:
                self._refiller = threading.Thread(
                    target=self._refill_loop, name="judge-prefork", daemon=True
                )
                self._refiller.start()
        self._refills.put((slot, lingering))

    def _refill_loop(self) -> None:
        """Settle finished children, then fork the next one for their slot, off the hot path."""
        while True:
            item = self._refills.get()
            slot = None if item is None else item[0]
            try:
                if item is None or slot is None:
                    return
                if item[1] is not None:
                    settle(item[1])
                if not self._closed:
                    with contextlib.suppress(JudgeUnavailable, WorkerDied, OSError):
                        handle = self._spawn(slot, self._request(slot))
                        if self._closed:
                            handle.discard()
                        else:
                            self._ready[slot] = handle
            finally:
                if slot is not None:
                    self._slots.put(slot)
                self._refills.task_done()

    def _request(self, slot: int) -> dict[str, Any]:
        return {
            "op": "run",
            "uid": self.uid_base + slot if self._drop_uid else None,
            "cpu": CEILING_CPU_SECONDS,
            "memory": CEILING_MEMORY_BYTES,
            "fsize": protocol.STDOUT_LIMIT,
        }

    def __enter__(self) -> Judge:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def missing_layers(self) -> tuple[str, ...]:
        return tuple(sorted(self.missing))

    def describe_missing(self) -> str:
        return "; ".join(f"{name} ({why})" for name, why in sorted(self.missing.items()))

    # -- judging ------------------------------------------------------------------------
    def _spawn(self, slot: int, request: dict[str, Any]) -> Handle:
        if self.backend == "fresh":
            return _spawn_fresh()
        index = slot % self._worker_count
        for attempt in range(2):
            worker = self._worker(index)
            try:
                return worker.spawn(request)
            except WorkerDied:
                if attempt:
                    raise JudgeUnavailable("the judge's warm parent keeps dying") from None
                with self._start_lock:
                    worker.close()
                    self._workers[index] = None
        raise AssertionError("unreachable")

    def judge(
        self,
        problem: Problem,
        source: str | bytes,
        *,
        tests: TestSet | None = None,
        reveal_hidden: bool = False,
    ) -> JudgeResult:
        """Judge ``source`` against the problem's examples, then its hidden tests.

        ``seconds`` of the result covers the sandboxed run only (not loading the tests
        or starting the warm parent).
        """
        text, invalid = validate_source(source)
        if invalid is not None or text is None:
            return JudgeResult(
                problem=problem.id,
                verdict=Verdict.COMPILE_ERROR,
                tests=(),
                seconds=0.0,
                message=invalid,
                missing_layers=self.missing_layers,
            )
        tests = tests if tests is not None else load_tests(problem)
        batches = [b for b in (tests.examples, tests.hidden) if b]
        limit = problem.limits.time_seconds
        jobs: list[dict[str, Any]] = []
        for i, batch in enumerate(batches):
            job: dict[str, Any] = {
                "show": batch[0].kind == "example",
                "tests": [t.args for t in batch],
            }
            if i == 0:
                job.update(
                    source=text,
                    function=problem.function,
                    params=problem.params_json(),
                    time_limit=limit,
                )
            jobs.append(job)
        budgets = [batch_budget(limit, len(b)) for b in batches]
        budgets[0] += 0.5  # compiling and running the module's top level
        jobs[0]["cpu"] = min(math.ceil(sum(budgets)) + 1, CEILING_CPU_SECONDS)
        jobs[0]["memory"] = problem.limits.memory_mb * 1024 * 1024
        outcome = Outcome()
        handle: Handle | None = None
        started = time.perf_counter()
        slot = self._slots.get()
        try:
            if self.backend == "zygote":
                self._worker(slot % self._worker_count)
            handle = self._ready.pop(slot, None)
            if handle is not None and handle.ended():
                handle.discard()
                handle = None
            started = time.perf_counter()
            if handle is None:
                handle = self._spawn(slot, self._request(slot))
            outcome = drive(handle, jobs, budgets, linger=self.prefork)
        finally:
            lingering = handle if handle is not None and outcome.lingering else None
            if self.prefork and not self._closed:
                self._hand_to_refiller(slot, lingering)
            else:
                if lingering is not None:
                    settle(lingering)
                self._slots.put(slot)
        return assemble(
            problem,
            batches,
            outcome,
            time.perf_counter() - started,
            self.missing_layers,
            reveal=reveal_hidden,
        )


_default: Judge | None = None
_default_lock = threading.Lock()


def default_judge() -> Judge:
    """A process-wide judge, started on first use and closed at interpreter exit."""
    global _default
    with _default_lock:
        if _default is None:
            import atexit

            _default = Judge()
            atexit.register(_default.close)
        return _default
