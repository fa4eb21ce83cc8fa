"""What runs *inside* the sandboxed child: load the submission, call it, report plain data.

Everything here is on the untrusted side of the boundary: the submission shares this
process and can rewrite any of it. That is fine by design: the only thing that leaves
the child is a JSON message, and the trusted parent re-parses and judges it itself. The
helpers that build arguments and convert results are also used by the trusted side to
run the (trusted) reference solutions, so both sides see identical data shapes.

The messages are described in :mod:`.protocol`.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

from mlinterview.judge import protocol

# The harness's own handle on the alarm: a submission that rebinds ``signal.setitimer``
# must not leave the load's alarm running into the next test, where it would fire early
# and turn a slow test into a race between the child's clock and ours.
_set_alarm = signal.setitimer

SUBMISSION_FILE = "submission.py"
MAX_DEPTH = 64
TOO_LARGE = "the returned value is larger than the output limit"


class TimeUp(BaseException):
    """Raised by the per-test alarm; a BaseException so ``except Exception`` misses it."""


class Unsupported(Exception):
    """The function returned something that has no plain JSON form."""


def build_value(kind: str, value: Any, dtype: str | None = None) -> Any:
    """Turn a plain JSON test value into the argument the statement promises."""
    if kind == "ndarray":
        import numpy as np

        return np.asarray(value)
    if kind == "tensor":
        import torch

        return torch.tensor(value, dtype=getattr(torch, dtype or "float64"))
    if kind == "float" and type(value) is int:
        return float(value)
    return value


def build_args(params: list[dict[str, str]], args: dict[str, Any]) -> list[Any]:
    # Positional, in signature order; a trailing parameter the case leaves out keeps the
    # submission's own default (the trusted side checked that only a trailing run is absent).
    return [
        build_value(p["type"], args[p["name"]], p.get("dtype")) for p in params if p["name"] in args
    ]


_SCALARS = frozenset({type(None), bool, int, float, str})


class TooLarge(Exception):
    """The result would exceed the per-test output limit."""


def to_plain(value: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """Convert a result to plain JSON types, refusing anything that could carry behaviour.

    Exact type checks (not isinstance): a ``str`` or ``float`` subclass with a rigged
    ``__eq__`` is rejected here instead of being trusted. ``budget`` (a one-item list of
    bytes still allowed) stops a huge result early instead of converting all of it.
    """
    kind = type(value)
    if kind in _SCALARS:
        if budget is not None:
            budget[0] -= len(value) + 2 if kind is str else 2
            if budget[0] < 0:
                raise TooLarge
        return value
    if depth > MAX_DEPTH:
        raise Unsupported("the result is nested too deeply")
    if kind is list or kind is tuple:
        if budget is not None:
            budget[0] -= 2 * len(value) + 2
            if budget[0] < 0:
                raise TooLarge
        plain_list: list[Any] = []
        append = plain_list.append
        for item in value:
            if type(item) in _SCALARS and (budget is None or type(item) is not str):
                append(item)
            else:
                append(to_plain(item, depth + 1, budget))
        return plain_list
    if kind is dict:
        plain: dict[str, Any] = {}
        for key, item in value.items():
            if type(key) is not str:
                raise Unsupported(f"dict keys must be str, got {type(key).__name__}")
            if budget is not None:
                budget[0] -= len(key) + 4
            plain[key] = to_plain(item, depth + 1, budget)
        return plain
    np = sys.modules.get("numpy")
    if np is not None:
        if kind is np.ndarray:
            if budget is not None and 2 * value.size > budget[0]:
                raise TooLarge
            return to_plain(value.tolist(), depth + 1, budget)
        if isinstance(value, np.generic) and kind.__module__ == "numpy":
            return to_plain(value.item(), depth + 1, budget)
    torch = sys.modules.get("torch")
    if torch is not None and (kind is torch.Tensor or kind is torch.nn.Parameter):
        if budget is not None and 2 * value.numel() > budget[0]:
            raise TooLarge
        return to_plain(torch.Tensor.tolist(value.detach()), depth + 1, budget)
    raise Unsupported(f"returned a value of type {kind.__qualname__}, which has no plain form")


THREADS_REFUSED = (
    "the judge runs torch on one thread: new threads are not allowed in the sandbox "
    "(remove the set_num_threads call)"
)


def _one_thread_only() -> None:
    """Make asking torch for more threads a readable error instead of an OpenMP abort.

    The sandbox refuses new threads (seccomp), and OpenMP kills the process when a thread
    cannot start; the submission learns why from its own traceback. A submission can undo
    this, which only costs it the explanation.
    """
    torch = sys.modules.get("torch")
    if torch is None:
        return

    def refuse(count: int) -> None:
        if count != 1:
            raise RuntimeError(THREADS_REFUSED)

    torch.set_num_threads = refuse  # type: ignore[attr-defined]  # a plain ModuleType to mypy
    torch.set_num_interop_threads = refuse  # type: ignore[attr-defined]


def _alarm(_signum: int, _frame: Any) -> None:
    raise TimeUp


def _submission_traceback(exc: BaseException, limit: float = 0.0) -> str:
    """The traceback from the submission's first frame on, without the harness's frames."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != SUBMISSION_FILE:
        tb = tb.tb_next
    summary = traceback.TracebackException(type(exc), exc, tb)
    summary.stack = traceback.StackSummary.from_list(
        [frame for frame in summary.stack if frame.filename != __file__]
    )
    if isinstance(exc, TimeUp):
        lines = ["Traceback (most recent call last):\n", *summary.stack.format()]
        lines.append(f"stopped here after {limit:g} s (the limit per test)\n")
    else:
        lines = list(summary.format())
    return "".join(lines)[-protocol.SHOWN_TEXT :]


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, TimeUp):
        return "time limit reached"
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return text[: protocol.SHOWN_TEXT]


def _status_of(exc: BaseException) -> str:
    if isinstance(exc, TimeUp):
        return "timeout"
    if isinstance(exc, MemoryError):
        return "memory"
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        return "output"
    return "error"


class Session:
    """One submission loaded in this process, answering one test per message."""

    def __init__(
        self, stdout_fd: int | None = None, limiter: Callable[[int, int | None], None] | None = None
    ) -> None:
        self.limiter = limiter
        self.func: Any = None
        self.params: list[dict[str, str]] = []
        self.time_limit = 2.0
        self.stdout_fd = stdout_fd

    def load(self, job: dict[str, Any]) -> dict[str, Any] | None:
        """Compile and execute the module; a dict describes why it cannot be judged."""
        import inspect
        import linecache

        source: str = job["source"]
        name: str = job["function"]
        self.params = job["params"]
        self.time_limit = float(job["time_limit"])
        if self.limiter is not None and "cpu" in job:
            self.limiter(int(job["cpu"]), job.get("memory"))
        lines = source.splitlines(True)
        linecache.cache[SUBMISSION_FILE] = (len(source), None, lines, SUBMISSION_FILE)
        try:
            code = compile(source, SUBMISSION_FILE, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
            return {"kind": "compile", "message": _one_line(exc), "traceback": ""}
        _one_thread_only()
        module = types.ModuleType("submission")
        module.__file__ = SUBMISSION_FILE
        sys.modules["submission"] = module
        _set_alarm(signal.ITIMER_REAL, self.time_limit)
        try:
            exec(code, module.__dict__)
        except BaseException as exc:
            _set_alarm(signal.ITIMER_REAL, 0)
            kind = _status_of(exc)
            return {
                "kind": "runtime" if kind == "error" else kind,
                "message": _one_line(exc),
                "traceback": _submission_traceback(exc, self.time_limit),
            }
        _set_alarm(signal.ITIMER_REAL, 0)
        call = f"{name}({', '.join(p['name'] for p in self.params)})"
        func = module.__dict__.get(name)
        if func is None or not callable(func):
            return {
                "kind": "compile",
                "message": f"the submission defines no function {name}; expected {call}",
                "traceback": "",
            }
        try:
            signature = inspect.signature(func)
        except (TypeError, ValueError):
            signature = None
        if signature is not None:
            try:
                signature.bind(*range(len(self.params)))
            except TypeError:
                return {
                    "kind": "compile",
                    "message": f"wrong signature: {name}{signature} cannot be called as {call}",
                    "traceback": "",
                }
        self.func = func
        return None

    def _stdout_position(self) -> int:
        if self.stdout_fd is None:
            return 0
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
        try:
            return os.lseek(self.stdout_fd, 0, os.SEEK_END)
        except OSError:
            return 0

    def run_test(self, args: dict[str, Any], show: bool) -> dict[str, Any]:
        """Call the function once. The alarm only lets the child name the line it was on;
        the trusted side enforces the limit itself and times the test on its own clock."""
        before = self._stdout_position()
        result: dict[str, Any]
        try:
            values = build_args(self.params, args)
            _set_alarm(signal.ITIMER_REAL, self.time_limit)
            try:
                output = self.func(*values)
            finally:
                _set_alarm(signal.ITIMER_REAL, 0)
            result = {"output": to_plain(output, budget=[protocol.MAX_OUTPUT_PER_TEST])}
            output = None
        except TooLarge:
            output = None
            result = {
                "failed": "output",
                "error": "the returned value is larger than the output limit",
            }
        except Unsupported as exc:
            result = {"failed": "unsupported", "error": str(exc)}
        except BaseException as exc:
            status = _status_of(exc)
            result = {"failed": status, "error": _one_line(exc)}
            result["traceback"] = _submission_traceback(exc, self.time_limit)
            if status == "timeout":
                result["error"] = f"stopped after {self.time_limit:g} s (the limit per test)"
        after = self._stdout_position()
        if after >= protocol.STDOUT_LIMIT:
            result = {"failed": "output", "error": "printed more than the output limit"}
        if show and self.stdout_fd is not None and after > before:
            size = min(after - before, protocol.SHOWN_TEXT)
            try:
                printed = os.pread(self.stdout_fd, size, before)
                result["stdout"] = printed.decode("utf-8", "replace")
            except OSError:
                pass
        return result

    def answer(self, job: dict[str, Any]) -> dict[str, Any]:
        if "load" in job:
            fatal = self.load(job["load"])
            return {"fatal": fatal} if fatal is not None else {"loaded": True}
        return self.run_test(job["test"], bool(job.get("show", False)))


def serve(
    job_fd: int,
    result_fd: int,
    stdout_fd: int | None,
    limiter: Callable[[int, int | None], None] | None = None,
) -> None:
    """Say "ready", then answer job messages until the job pipe closes; then exit at once.

    ``limiter`` applies the load message's CPU and memory limits before the code loads.
    """
    signal.signal(signal.SIGALRM, _alarm)
    session = Session(stdout_fd, limiter)
    protocol.write_all(result_fd, protocol.encode({"ready": True}))
    while True:
        job = protocol.read_message(job_fd, 1 << 30)
        if job is None:
            break
        reply = session.answer(job)
        data = protocol.encode(reply)
        if len(data) - protocol.HEADER.size > protocol.MAX_REPLY_BYTES:
            data = protocol.encode({"failed": "output", "error": TOO_LARGE})
        protocol.write_all(result_fd, data)
        if reply.get("fatal") is not None:
            break
    os._exit(0)


def main_fresh() -> None:
    """Entry point of the benchmark baseline: a fresh interpreter per submission.

    Jobs arrive on stdin, results leave on the original stdout; what the submission prints
    goes to /dev/null.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy  # noqa: F401 - the same work the warm parent does once

    if sys.argv[1:] == ["torch"]:
        import torch

        torch.set_num_threads(1)

    result_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    serve(0, result_fd, None)


if __name__ == "__main__":
    main_fresh()
