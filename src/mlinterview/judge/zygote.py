"""The warm parent: a small secret-free server that forks one hardened child per submission.

Started by the trusted side as ``python -P -m mlinterview.judge.zygote FD CONFIG`` with
BLAS threading pinned to one thread *before* numpy is imported. It imports numpy and the
common standard-library modules once, prepares the sandbox plan, then serves requests on
a SEQPACKET socket:

- ``{"op": "run", "uid", "cpu", "memory", "fsize"}`` with three fds (job pipe read end,
  result pipe write end, status pipe write end): fork a child, reply ``{"pid": N}``;
- ``{"op": "kill", "pid"}``: SIGKILL that child and its process group.

When a child ends, the parent reaps it, kills anything left under its uid, removes its
temporary directory and writes the raw wait status to the status pipe. It never sees
tests, expected values or references: submissions and test inputs travel on pipes that
go straight from the trusted side to the child.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import selectors
import shutil
import signal
import socket
import struct
import sys
import tempfile
from dataclasses import dataclass
from typing import Any

THREAD_VARIABLES = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)

# Imported once here so a submission's `import heapq` costs nothing in the child.
PRELOAD = (
    "numpy",
    "numpy.linalg",
    "numpy.random",
    "numpy.fft",
    "math",
    "cmath",
    "collections",
    "itertools",
    "functools",
    "heapq",
    "bisect",
    "re",
    "string",
    "operator",
    "random",
    "statistics",
    "fractions",
    "decimal",
    "typing",
    "dataclasses",
    "copy",
    "array",
    "numbers",
    "enum",
    "inspect",
    "linecache",
    "traceback",
    "resource",
)

STATUS = struct.Struct("<i")


@dataclass
class Child:
    status_fd: int
    uid: int | None
    killed: bool = False


class Zygote:
    def __init__(self, control: socket.socket, plan: Any) -> None:
        self.control = control
        self.plan = plan
        self.live: dict[int, Child] = {}

    # -- requests ---------------------------------------------------------------------
    def handle(self) -> bool:
        try:
            data, fds, _flags, _addr = socket.recv_fds(self.control, 1 << 16, 8)
        except OSError:
            return False
        if not data:
            for fd in fds:
                os.close(fd)
            return False
        request = json.loads(data)
        if request.get("op") == "run" and len(fds) == 3:
            self.spawn(request, fds)
        elif request.get("op") == "kill":
            self.kill(int(request["pid"]))
        else:
            for fd in fds:
                os.close(fd)
        return True

    def spawn(self, request: dict[str, Any], fds: list[int]) -> None:
        from mlinterview.judge import harness, protocol, sandbox

        job_fd, result_fd, status_fd = fds
        uid = request.get("uid")
        try:
            pid = os.fork()
        except OSError as exc:  # out of memory or processes: say so, stay alive
            for fd in fds:
                os.close(fd)
            self.control.send(json.dumps({"error": f"fork failed: {exc.strerror}"}).encode())
            return
        if pid == 0:  # the child: harden, then serve; never return into this loop
            try:
                sandbox.enter(
                    self.plan,
                    sandbox.Request(
                        uid=uid,
                        cpu_seconds=int(request["cpu"]),
                        memory_bytes=request.get("memory"),
                        file_bytes=int(request["fsize"]),
                    ),
                    job_fd,
                    result_fd,
                )
            except BaseException as exc:
                try:
                    fatal = {"kind": "setup", "message": f"{type(exc).__name__}: {exc}"}
                    protocol.write_all(result_fd, protocol.encode({"fatal": fatal}))
                finally:
                    os._exit(protocol.EXIT_SETUP_FAILED)
            try:
                harness.serve(3, 4, 1, functools.partial(sandbox.lower_limits, self.plan))
            finally:
                os._exit(0)
        os.close(job_fd)
        os.close(result_fd)
        self.live[pid] = Child(status_fd=status_fd, uid=uid)
        self.control.send(json.dumps({"pid": pid}).encode())

    def kill(self, pid: int) -> None:
        child = self.live.get(pid)
        if child is None:  # already reaped: never signal a pid that may be reused
            return
        child.killed = True
        for send in (os.kill, os.killpg):
            with contextlib.suppress(OSError):
                send(pid, signal.SIGKILL)

    # -- ends of children -----------------------------------------------------------------
    def reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            child = self.live.pop(pid, None)
            if child is not None:  # else: an orphan adopted as subreaper, now gone
                self.finish(pid, status, child)

    def finish(self, pid: int, status: int, child: Child) -> None:
        clean = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        if not clean or child.killed or self.plan.seccomp is None:
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)
            if child.uid is not None:
                sweep_uid(child.uid)
        shutil.rmtree(os.path.join(self.plan.tmp_base, f"c{pid}"), ignore_errors=True)
        with contextlib.suppress(OSError):
            os.write(child.status_fd, STATUS.pack(status))
        os.close(child.status_fd)

    def shutdown(self) -> None:
        for pid in list(self.live):
            self.kill(pid)
        for pid in list(self.live):
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:
                status = 0
            self.finish(pid, status, self.live.pop(pid))
        shutil.rmtree(self.plan.tmp_base, ignore_errors=True)

    def serve(self) -> None:
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        selector = selectors.DefaultSelector()
        selector.register(self.control, selectors.EVENT_READ)
        selector.register(wake_r, selectors.EVENT_READ)
        try:
            while True:
                for key, _ in selector.select():
                    if key.fileobj is self.control:
                        if not self.handle():
                            return
                    else:
                        try:
                            while os.read(wake_r, 512):
                                pass
                        except BlockingIOError:
                            pass
                        self.reap()
        finally:
            self.shutdown()


def sweep_uid(uid: int) -> None:
    """Kill every process running as ``uid`` (a fork bomb or a daemon that escaped the group).

    A helper takes on the uid and calls kill(-1): the kernel then signals every process
    that uid may signal, atomically with respect to new forks, which a /proc scan is not.
    """
    helper = os.fork()
    if helper == 0:
        try:
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(helper, 0)


def main() -> None:
    control_fd = int(sys.argv[1])
    config = json.loads(sys.argv[2])
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    import importlib

    for module in PRELOAD:
        importlib.import_module(module)
    from mlinterview.judge import harness, protocol, sandbox  # noqa: F401 - preloaded for children

    drop_uid = bool(config.get("drop_uid")) and os.geteuid() == 0
    tmp_base = tempfile.mkdtemp(prefix="mlinterview-judge-")
    os.chmod(tmp_base, 0o711)
    disabled = tuple(d for d in config.get("disabled", []) if d in sandbox.DISABLE)
    plan = sandbox.make_plan(
        list(config.get("protected", [])), tmp_base, drop_uid=drop_uid, disabled=disabled
    )
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    sandbox.prepare_imports(plan)  # from here on this process imports nothing new
    control = socket.socket(fileno=control_fd)
    hello = {"pid": os.getpid(), "missing": plan.missing, "abi": plan.abi}
    control.send(json.dumps(hello).encode())
    gc.collect()
    gc.freeze()  # children then share the parent's pages instead of copying them on GC
    Zygote(control, plan).serve()


if __name__ == "__main__":
    main()
