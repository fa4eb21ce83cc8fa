"""Helpers for the judge tests: two toy problems and process inspection.

``secret_echo`` cannot be solved honestly: its hidden expected values are random tokens
that exist only in this (trusted) test process. A submission that gets Accepted on it
must have stolen them, which makes it the target of every escape attempt.
``double`` has an easy honest answer, so resource attacks can return the right value
and the test shows that the defence, not a wrong answer, decides the verdict.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlinterview.judge.problems import Problem, TestSet
from mlinterview.judge.runner import UID_RANGE, Judge

SECRET_RUN = uuid.uuid4().hex[:12]
HIDDEN_IN = f"HIDDENIN-{SECRET_RUN}"
HIDDEN_OUT = f"HIDDENOUT-{SECRET_RUN}"


def make_problem(**fields: Any) -> Problem:
    base: dict[str, Any] = {
        "title": {"en": "t", "de": "t"},
        "topic": "coding",
        "difficulty": "easy",
        "statement": {"en": "s", "de": "s"},
        "limits": {"time_seconds": 0.25, "memory_mb": 128},
    }
    base.update(fields)
    return Problem.model_validate(base)


@dataclass(frozen=True)
class Toy:
    problem: Problem
    tests: TestSet


def zygote_pid(judge: Judge) -> int:
    worker = judge._workers[0]
    assert worker is not None
    return worker.proc.pid


def sandbox_processes(judge: Judge) -> list[int]:
    """Processes left under a sandbox uid or parented by the warm parent.

    Children forked ahead for the next submissions (idle, holding no data) don't count.
    """
    judge.wait_idle()
    parent = zygote_pid(judge)
    waiting = judge.waiting_children()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        uid = int(fields.get("Uid", "0").split()[0])
        ppid = int(fields.get("PPid", "0").strip())
        pid = int(entry.name)
        ours = judge.uid_base > 0 and judge.uid_base <= uid < judge.uid_base + UID_RANGE
        if (ours or ppid == parent) and pid not in waiting:
            found.append(pid)
    return found
