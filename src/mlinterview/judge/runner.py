"""The trusted side's entry point: a thread-safe :class:`Judge` over warm parents.

A submission is judged in one child forked from a warm parent (:mod:`.children`), one
message at a time (:mod:`.conversation`): the load, the visible examples, then the hidden
tests in an order shuffled per submission. The verdict is computed here, from the
outputs and the trusted side's own clock alone (:mod:`.decide`); nothing the child says
about itself is believed. If a warm parent dies under a submission, the submission is
run again on a fresh one instead of failing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import math
import os
import queue
import random
import threading
import time
from pathlib import Path
from typing import Any, Literal

from mlinterview.judge import protocol
from mlinterview.judge.children import (
    UID_RANGE,
    Handle,
    JudgeUnavailable,
    WarmParent,
    WorkerDied,
    claim_uid_range,
    spawn_fresh,
)
from mlinterview.judge.conversation import Outcome, Plan, converse, settle
from mlinterview.judge.decide import assemble
from mlinterview.judge.problems import Problem, TestSet, load_tests
from mlinterview.judge.verdict import JudgeResult, Verdict

__all__ = ["UID_RANGE", "Judge", "JudgeUnavailable", "default_judge", "validate_source"]

# Ceilings for children forked ahead of their job; the load message lowers them to the
# problem's own limits before the submission is loaded (see sandbox.lower_limits).
CEILING_CPU_SECONDS = 120
CEILING_MEMORY_BYTES = 4096 * 1024 * 1024
TORCH_MISSING = (
    "this problem needs PyTorch, which is not installed: pip install 'mlinterview[deep]'"
)
RERUNS = 2  # times a submission is re-run when its warm parent died under it
_shuffle = random.SystemRandom().shuffle


def batch_budget(time_limit: float, count: int) -> float:
    """Wall-clock seconds a group of tests may take together: each test has its own
    deadline, and the group as a whole is capped so 30 slow tests cannot take 30 limits."""
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


def protected_paths() -> list[str]:
    """What no child may read: the bank (hidden tests, references) and this package."""
    import mlinterview
    from mlinterview.content.loader import default_bank_dir

    return [str(default_bank_dir()), str(Path(mlinterview.__file__).parent)]


def runtime_installed(problem: Problem) -> bool:
    """Whether the library its judge needs is here (torch comes with the ``deep`` extra).

    Without it nothing of the problem may run, not even its reference: its hidden tests
    cannot be built, and the judge answers with a one-line Judge Error instead."""
    return problem.runtime == "numpy" or importlib.util.find_spec(problem.runtime) is not None


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
        runtime: Literal["numpy", "torch"] = "numpy",
    ) -> None:
        if os.name != "posix" or not hasattr(os, "fork"):
            raise JudgeUnavailable("the judge needs Linux or another POSIX system with fork()")
        self.backend = backend
        self.strict = strict
        self.runtime = runtime
        # Problems that take tensors go to a second judge whose warm parent has torch
        # loaded; started on the first such problem, so numpy-only use never pays for it.
        self._torch: Judge | None = None
        count = workers if workers is not None else max(1, (os.cpu_count() or 2) // 2)
        if count * slots_per_worker > UID_RANGE:
            raise ValueError(f"at most {UID_RANGE} slots per judge")
        self._worker_count = count
        self._slots: queue.Queue[int] = queue.Queue()
        for slot in range(count * slots_per_worker):
            self._slots.put(slot)
        self._workers: list[WarmParent | None] = [None] * count
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
    def _worker(self, index: int) -> WarmParent:
        with self._start_lock:
            if self._closed:
                raise JudgeUnavailable("the judge was closed")
            worker = self._workers[index]
            if worker is None or not worker.alive:
                if worker is not None:
                    worker.close()
                worker = WarmParent(
                    protected_paths(), self._drop_uid, self.disabled_layers, self.runtime
                )
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
            torch_judge, self._torch = self._torch, None
        if torch_judge is not None:
            torch_judge.close()
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
            return spawn_fresh(self.runtime)
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
        in_order: bool = False,
    ) -> JudgeResult:
        """Judge ``source`` against the problem's examples, then its hidden tests.

        ``seconds`` of the result covers loading the submission and running the
        examples, as timed by the trusted side (all tests when ``reveal_hidden``).
        ``reveal_hidden`` and ``in_order`` are for trusted callers (the bank's own
        solutions): ``in_order`` runs the hidden tests in the file's order, so what a wrong
        solution fails is reproducible; a submission's order is always shuffled.
        """
        if problem.runtime != self.runtime:
            if not runtime_installed(problem):  # say what to install (before any test loads)
                return JudgeResult(
                    problem=problem.id,
                    verdict=Verdict.JUDGE_ERROR,
                    tests=(),
                    seconds=0.0,
                    message=TORCH_MISSING,
                    missing_layers=self.missing_layers,
                )
            return self._judge_for(problem).judge(
                problem, source, tests=tests, reveal_hidden=reveal_hidden, in_order=in_order
            )
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
        limit = problem.limits.time_seconds
        order = list(range(len(tests.hidden)))
        if not in_order:
            _shuffle(order)  # a fixed order would let call counts stand in for test identity
        messages = [{"test": t.args, "show": True} for t in tests.examples]
        messages += [{"test": tests.hidden[i].args, "show": False} for i in order]
        budgets = [batch_budget(limit, len(b)) for b in (tests.examples, tests.hidden) if b]
        load_budget = limit + 0.5  # compiling and running the module's top level
        plan = Plan(
            load={
                "source": text,
                "function": problem.function,
                "params": problem.params_json(),
                "time_limit": limit,
                "cpu": min(math.ceil(sum(budgets) + load_budget) + 1, CEILING_CPU_SECONDS),
                "memory": problem.limits.memory_mb * 1024 * 1024,
            },
            tests=messages,
            visible=len(tests.examples),
            load_budget=load_budget,
            time_limit=limit,
            total_budget=sum(budgets),
        )
        outcome = Outcome()
        for _attempt in range(RERUNS + 1):
            started = time.perf_counter()
            outcome = self._run(plan)
            if outcome.judge_error is None:
                break
        # The time shown covers the load and the examples: the hidden tests' time would
        # carry their data (a submission can sleep for as long as an input says).
        seconds = time.perf_counter() - started if reveal_hidden else outcome.visible_seconds
        return assemble(
            problem,
            tests.examples,
            tests.hidden,
            order,
            outcome,
            seconds,
            self.missing_layers,
            reveal=reveal_hidden,
        )

    def _judge_for(self, problem: Problem) -> Judge:
        """The judge for another runtime (only torch so far), started on first use."""
        if problem.runtime != "torch" or self.runtime != "numpy":
            raise JudgeUnavailable(f"no judge for the {problem.runtime} runtime")
        with self._start_lock:
            if self._closed:
                raise JudgeUnavailable("the judge was closed")
            if self._torch is None:
                self._torch = Judge(
                    workers=1,
                    slots_per_worker=2,
                    strict=self.strict,
                    backend=self.backend,
                    disabled_layers=self.disabled_layers,
                    prefork=self.prefork,
                    runtime="torch",
                )
            return self._torch

    def _run(self, plan: Plan) -> Outcome:
        """One child from a free slot (forked ahead when possible) for one submission."""
        outcome = Outcome()
        handle: Handle | None = None
        slot = self._slots.get()
        try:
            if self.backend == "zygote":
                self._worker(slot % self._worker_count)
            handle = self._ready.pop(slot, None)
            if handle is not None and handle.ended():
                handle.discard()
                handle = None
            if handle is None:
                handle = self._spawn(slot, self._request(slot))
            outcome = converse(handle, plan, linger=self.prefork)
        finally:
            lingering = handle if handle is not None and outcome.lingering else None
            if self.prefork and not self._closed:
                self._hand_to_refiller(slot, lingering)
            else:
                if lingering is not None:
                    settle(lingering)
                self._slots.put(slot)
        return outcome


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
