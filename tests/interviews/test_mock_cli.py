"""The real `mlinterview mock` in a pseudo-terminal: prompts, timer, grading, report, queue."""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from sqlalchemy import select as sql_select

from mlinterview.content.loader import bundled_bank
from mlinterview.interviews.mock import REVIEW_BELOW
from mlinterview.interviews.plan import Stage, plan_interview
from mlinterview.judge.problems import problems_dir
from mlinterview.store.db import Store
from mlinterview.store.models import MockInterview, QueuedCard

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
SEED = "3"


class Terminal:
    """A child process on a pseudo-terminal, driven like a person at the keyboard."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.seen = b""
        self.mark = 0

    def expect(self, pattern: bytes, timeout: float = 120) -> bytes:
        """Wait until ``pattern`` (a regex) appears after the previous match."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while True:
            clean = ANSI.sub(b"", self.seen)
            match = regex.search(clean, self.mark)
            if match:
                self.mark = match.end()
                return match.group(0)
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"timed out waiting for {pattern!r}; got {clean[-600:]!r}"
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                assert chunk, f"process ended before {pattern!r}: {clean[-600:]!r}"
                self.seen += chunk

    def type_line(self, line: str) -> None:
        os.write(self.master, line.encode("utf-8") + b"\n")

    def text(self) -> str:
        return ANSI.sub(b"", self.seen).decode("utf-8", "replace").replace("\r\n", "\n")

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                self.seen += chunk
                if not chunk and self.proc.poll() is not None:
                    break
            elif self.proc.poll() is not None:
                break
        code = self.proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        os.close(self.master)
        return code


PROMPT = rb"\xe2\x8f\xb1 \d+:\d\d / \d+:\d\d[^\n]*\xe2\x80\xba"  # ⏱ 0:03 / 4:30 ›


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "mlinterview.cli", *args]


def test_full_mock_in_a_terminal(
    cli_env: dict[str, str], database_url: str, tmp_path: Path
) -> None:
    bank = bundled_bank()
    plan = plan_interview("llm", 15, int(SEED))
    items = [item for _, _, item in plan.entries()]
    assert [s.stage for s in plan.stages] == list(Stage) and len(items) == 5
    solution = tmp_path / "my_solution.py"
    shutil.copy(problems_dir() / items[0].id / "reference.py", solution)
    cards = [bank.get(item.id) for item in items[1:]]
    assert all(cards)
    good_answer = [line for line in cards[0].answer.en.splitlines() if line.strip()]  # type: ignore[union-attr]
    mlops_answer = [line for line in cards[3].answer.en.splitlines() if line.strip()]  # type: ignore[union-attr]
    out = tmp_path / "reports"

    term = Terminal(
        _cli("mock", "--role", "llm", "--minutes", "15", "--seed", SEED, "--out", str(out)),
        cli_env,
    )
    try:
        term.expect(rb"Mock interview #1: LLM engineering \(mid-level\), 15 min, seed 3")
        # 1. coding: a path to a solution file, judged for real
        term.expect(rb"\[1\.1 \xc2\xb7 1/5\] Coding")
        term.expect(rb"Give the path to your solution file")
        first_prompt = term.expect(PROMPT)
        assert first_prompt.startswith("⏱ 0:0".encode())
        term.type_line(str(solution))
        term.expect(rb"saved \xc2\xb7 \d+:\d\d of 4:30")
        # 2. algorithms & data: the reference answer, typed line by line
        term.expect(rb"\[2\.1 \xc2\xb7 2/5\] Algorithms & data")
        term.expect(rb"Type your answer")
        for line in good_answer:
            term.expect(PROMPT)
            term.type_line(line)
        term.expect(PROMPT)
        term.type_line("")
        term.expect(rb"saved")
        # 3. role-specific: a weak answer
        term.expect(rb"\[3\.1 \xc2\xb7 3/5\] Role-specific")
        term.expect(PROMPT)
        term.type_line("I would ask a colleague who knows more about it.")
        term.expect(PROMPT)
        term.type_line("")
        term.expect(rb"saved")
        # 4. system design: skipped with an empty first line
        term.expect(rb"\[4\.1 \xc2\xb7 4/5\] ML system design")
        term.expect(PROMPT)
        term.type_line("")
        term.expect(rb"saved")
        # 5. MLOps: a good answer again
        term.expect(rb"\[5\.1 \xc2\xb7 5/5\] MLOps")
        for line in mlops_answer:
            term.expect(PROMPT)
            term.type_line(line)
        term.expect(PROMPT)
        term.type_line("")
        term.expect(rb"Report written to")
        code = term.finish()
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    screen = term.text()
    assert code == 0, screen[-2000:]

    store = Store(database_url)
    with store.transaction() as session:
        row = session.scalars(sql_select(MockInterview)).one()
        stage_scores = json.loads(row.stage_scores_json or "{}")
        overall = row.score
        queued = {q.card_id for q in session.scalars(sql_select(QueuedCard))}
    store.close()
    assert row.finished_at is not None and overall is not None
    assert stage_scores["coding"] == 1.0
    assert stage_scores["algorithms"] >= REVIEW_BELOW
    assert stage_scores["role-specific"] < REVIEW_BELOW
    assert stage_scores["system-design"] == 0.0
    assert stage_scores["mlops"] >= REVIEW_BELOW
    assert abs(overall - sum(stage_scores.values()) / 5) < 1e-9
    # the weak and the skipped card went to the front of practice, the good ones did not
    assert queued == {cards[1].id, cards[2].id}  # type: ignore[union-attr]

    report_md = (out / "mock-1-llm.md").read_text()
    assert (out / "mock-1-llm.html").read_text().startswith("<!DOCTYPE html>")
    titles = {"coding": "Coding", "algorithms": "Algorithms & data", "role-specific":
              "Role-specific", "system-design": "ML system design", "mlops": "MLOps"}  # fmt: skip
    for stage, score in stage_scores.items():
        assert f"| {titles[stage]} | {score:.0%} |" in report_md
        assert f"## {titles[stage]}: {score:.0%}" in report_md
    assert f"**Overall score: {overall:.0%}**" in report_md
    assert "Missed" in report_md and "Covered" in report_md
    assert f"`{cards[1].id}`" in report_md.split("## Cards to review")[1]  # type: ignore[union-attr]
    # the terminal showed the same report
    assert re.search(rf"Overall\s+│?\s*│?\s*{overall:.0%}", screen) or f"{overall:.0%}" in screen
    assert "Accepted" in screen

    listing = subprocess.run(
        _cli("mocks", "--json"), capture_output=True, text=True, env=cli_env, timeout=60
    )
    assert listing.returncode == 0, listing.stderr
    (entry,) = json.loads(listing.stdout)
    assert entry["finished"] and entry["score"] == overall and entry["delta"] is None


def test_input_ending_pauses_and_resume_finishes(cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "reports"
    first = subprocess.run(
        _cli("mock", "--role", "nlp", "--minutes", "15", "--seed", "1", "--lang", "de",
             "--out", str(out)),
        input="\nIch weiß es nicht.\n\n",
        capture_output=True, text=True, env=cli_env, timeout=180,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "Probeinterview #1 ist gespeichert" in first.stdout
    assert not out.joinpath("mock-1-nlp.md").exists()
    resumed = subprocess.run(
        _cli("mock", "--resume", "1", "--out", str(out)),
        input="\n\n\n",
        capture_output=True, text=True, env=cli_env, timeout=180,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert "[3.1 · 3/5] Rollenspezifisch" in resumed.stdout  # continues where it stopped
    assert "[1.1" not in resumed.stdout
    report = out.joinpath("mock-1-nlp.md").read_text()
    assert report.startswith("# Probeinterview #1: NLP (Mid-Level)")
    listing = subprocess.run(
        _cli("mocks", "--json"), capture_output=True, text=True, env=cli_env, timeout=60
    )
    (entry,) = json.loads(listing.stdout)
    assert entry["answered"] == 5 and entry["finished"]
    assert entry["stage_scores"]["coding"] == 0.0 and entry["score"] < REVIEW_BELOW


def test_bad_mock_input_is_one_line(cli_env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    cases = [
        (["--role", "astronaut"], "unknown role 'astronaut'"),
        (["--role", "llm", "--minutes", "5"], "minutes must be between 15 and 240, not 5"),
        (["--role", "llm", "--out", str(blocker / "reports")], "cannot create the report folder"),
        (["--minutes", "30"], "--role is required"),
        (["--resume", "77"], "no mock interview #77"),
    ]
    for args, message in cases:
        run = subprocess.run(
            _cli("mock", *args), capture_output=True, text=True, env=cli_env, timeout=60
        )
        assert run.returncode == 1, (args, run.stdout)
        assert run.stderr.strip().count("\n") == 0, run.stderr
        assert message in run.stderr, run.stderr
        assert "Traceback" not in run.stderr
