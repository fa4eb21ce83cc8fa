"""The warm parent: a small secret-free server that forks one hardened child per submission.

Started by the trusted side as ``python -P -m mlinterview.judge.zygote FD CONFIG`` with
BLAS threading pinned to one thread *before* numpy is imported. It imports numpy and the
common standard-library modules once, prepares the sandbox plan, then serves requests on
a SEQPACKET socket:

- ``{"op": "run", "uid", "cpu", "memory", "fsize"}`` with three fds (job pipe read end,
  result pipe write end, status pipe write end): fork a child, reply ``{"pid": N}``;
- ``{"op": "kill", "pid"}``: SIGKILL that child and its process group.

When a child ends, the parent reaps it, kills anything left under its uid, removes its
temporary directory and writes the raw wait status to the status pipe. Nothing a child
leaves behind may take this process down: cleanup never recurses (a tree 3,000 folders
deep is removed like a flat one) and a failing request or cleanup is logged, not raised.
It never sees tests, expected values or references: submissions and test inputs travel on pipes that
go straight from the trusted side to the child.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import selectors
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

# A torch warm parent also loads these (and warms them up once), so a torch submission's
# first tensor costs no import in the child. Only started for problems that take tensors.
PRELOAD_TORCH = (
    "torch",
    "torch.nn",
    "torch.nn.functional",
    "torch.autograd",
    "torch.optim",
)
RUNTIMES = ("numpy", "torch")

STATUS = struct.Struct("<i")


@dataclass
class Child:
    status_fd: int
    uid: int | None
    tmp: str
    killed: bool = False


class Zygote:
    def __init__(self, control: socket.socket, plan: Any) -> None:
        self.control = control
        self.plan = plan
        self.live: dict[int, Child] = {}
        self.made = 0  # children made so far: names their temp dirs

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
        self.made += 1
        tmp = os.path.join(self.plan.tmp_base, f"c{self.made}")
        try:
            sandbox.make_tmp(self.plan, tmp, uid)
            pid = os.fork()
        except OSError as exc:  # out of memory or processes: say so, stay alive
            for fd in fds:
                os.close(fd)
            self.control.send(json.dumps({"error": f"fork failed: {exc.strerror}"}).encode())
            with contextlib.suppress(Exception):
                self.remove_tmp(tmp)
            return
        if pid == 0:  # the child: harden, then serve; never return into this loop
            try:
                sandbox.enter(
                    self.plan,
                    sandbox.Request(
                        uid=uid,
                        tmp=tmp,
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
        self.live[pid] = Child(status_fd=status_fd, uid=uid, tmp=tmp)
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
        try:
            clean = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
            if not clean or child.killed or self.plan.seccomp is None:
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGKILL)
                if child.uid is not None:
                    sweep_uid(child.uid)
            self.remove_tmp(child.tmp)
        except Exception as exc:  # never let one child's leftovers end the warm parent
            log(f"cleanup of child {pid} failed: {type(exc).__name__}: {exc}")
        finally:
            with contextlib.suppress(OSError):
                os.write(child.status_fd, STATUS.pack(status))
            with contextlib.suppress(OSError):
                os.close(child.status_fd)

    def remove_tmp(self, tmp: str) -> None:
        from mlinterview.judge import sandbox

        with contextlib.suppress(OSError):
            sandbox.release_tmp(self.plan, tmp)
        remove_tree(tmp)

    def shutdown(self) -> None:
        for pid in list(self.live):
            self.kill(pid)
        for pid in list(self.live):
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:
                status = 0
            self.finish(pid, status, self.live.pop(pid))
        with contextlib.suppress(Exception):
            remove_tree(self.plan.tmp_base)

    def _guarded(self, step: Any, fallback: Any) -> Any:
        """Run one step of the loop; an exception is logged and the loop goes on."""
        try:
            return step()
        except Exception as exc:
            log(f"{getattr(step, '__name__', 'step')} failed: {type(exc).__name__}: {exc}")
            return fallback

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
                        if not self._guarded(self.handle, True):
                            return
                    else:
                        try:
                            while os.read(wake_r, 512):
                                pass
                        except BlockingIOError:
                            pass
                        self._guarded(self.reap, None)
        finally:
            self.shutdown()


def log(message: str) -> None:
    with contextlib.suppress(Exception):
        sys.stderr.write(f"mlinterview judge warm parent: {message}\n")
        sys.stderr.flush()


def remove_tree(root: str) -> None:
    """Remove a directory tree without recursion and without ever following a symlink.

    ``shutil.rmtree`` recurses once per level (RecursionError on a deep tree) and builds
    paths longer than PATH_MAX; this walks with directory fds and a stack of names, so
    depth costs neither stack frames nor path length. Each directory is listed once.
    """
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(root, flags)
    except FileNotFoundError:
        return
    stack: list[list[str]] = []  # per open level: subdirectories still to remove
    names: list[str] = []  # the name of each level we descended into
    try:
        while True:
            subdirs = []
            with os.scandir(fd) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append(entry.name)
                    else:
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(entry.name, dir_fd=fd)
            stack.append(subdirs)
            while stack and not stack[-1]:  # this level is empty: go up and remove it
                stack.pop()
                if not names:
                    break
                parent = os.open("..", flags, dir_fd=fd)
                os.close(fd)
                fd = parent
                os.rmdir(names.pop(), dir_fd=fd)
            if not stack:
                break
            name = stack[-1].pop()
            child = os.open(name, flags, dir_fd=fd)
            os.close(fd)
            fd = child
            names.append(name)
    finally:
        os.close(fd)
    os.rmdir(root)


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


def warm_torch() -> None:
    """Import torch on one thread and run each kind of work once (autograd, a custom
    Function, an optimiser step), so lazy initialisation happens here and not in a child,
    whose seccomp filter refuses new threads and whose Landlock rules refuse new files."""
    import importlib

    for module in PRELOAD_TORCH:
        importlib.import_module(module)
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    weight = torch.nn.Parameter(torch.ones(3, 2, dtype=torch.float64))
    x = torch.linspace(-1.0, 1.0, 6, dtype=torch.float64).reshape(2, 3)

    class Twice(torch.autograd.Function):
        @staticmethod
        def forward(ctx: Any, value: torch.Tensor) -> torch.Tensor:
            return value * 2

        @staticmethod
        def backward(ctx: Any, grad: torch.Tensor) -> torch.Tensor:
            return grad * 2

    optimiser = torch.optim.AdamW([weight], lr=0.1)
    hidden = torch.nn.functional.gelu(Twice.apply(x) @ weight)
    loss = torch.nn.functional.cross_entropy(hidden, torch.tensor([0, 1]))
    loss.backward()
    optimiser.step()
    torch.nn.functional.scaled_dot_product_attention(
        hidden[None, None], hidden[None, None], hidden[None, None], is_causal=True
    )
    torch.nn.functional.unfold(torch.zeros(1, 1, 3, 3, dtype=torch.float64), 2)
    torch.manual_seed(0)
    torch.randn(2, generator=torch.Generator().manual_seed(0))


def main() -> None:
    control_fd = int(sys.argv[1])
    config = json.loads(sys.argv[2])
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    import importlib

    runtime = config.get("runtime", "numpy")
    if runtime not in RUNTIMES:
        raise SystemExit(f"unknown runtime {runtime!r}")
    for module in PRELOAD:
        importlib.import_module(module)
    if runtime == "torch":
        warm_torch()
    from mlinterview.judge import harness, protocol, sandbox  # noqa: F401 - preloaded for children

    drop_uid = bool(config.get("drop_uid")) and os.geteuid() == 0
    tmp_base = tempfile.mkdtemp(prefix="mlinterview-judge-")
    os.chmod(tmp_base, 0o711)
    disabled = tuple(d for d in config.get("disabled", []) if d in sandbox.DISABLE)
    plan = sandbox.make_plan(
        list(config.get("protected", [])),
        tmp_base,
        drop_uid=drop_uid,
        disabled=disabled,
        packages=("numpy", "torch") if runtime == "torch" else ("numpy",),
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
