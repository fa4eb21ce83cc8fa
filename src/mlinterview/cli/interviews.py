"""`mlinterview mock`, `mocks` and `kit`: terminal adapters over the Workspace.

The terminal part is only reading answers and showing a timer: planning, grading,
storing, scoring and rendering all live in the core modules the web app calls too.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlinterview.cli.common import LangOption, console, err_console, fail, print_json, workspace
from mlinterview.translations import CLI_INTERVIEWS as TEXT

if TYPE_CHECKING:
    from mlinterview.interviews.mock import MockReport, MockState, QuestionView
    from mlinterview.workspace import Workspace


class InputEnded(Exception):
    """stdin closed: the mock pauses (everything answered is already stored)."""


def _read_line() -> str:
    line = sys.stdin.readline()
    if line == "":
        raise InputEnded
    return line.rstrip("\r\n")


def _timer(started: float, budget: int) -> str:
    from mlinterview.render import format_seconds

    elapsed = time.monotonic() - started
    left = budget - elapsed
    if left >= 0:
        return f"[cyan]⏱ {format_seconds(elapsed)} / {format_seconds(budget)}[/] ›"
    return (
        f"[bold red]⏱ {format_seconds(elapsed)} / {format_seconds(budget)} "
        f"(+{format_seconds(-left)})[/] ›"
    )


def _prompt(started: float, budget: int) -> None:
    console.print(_timer(started, budget), end=" ")
    console.file.flush()


def _read_text_answer(started: float, budget: int) -> str:
    lines: list[str] = []
    while True:
        _prompt(started, budget)
        line = _read_line()
        if line.strip() == "":
            return "\n".join(lines)
        lines.append(line)


def _read_code_answer(started: float, budget: int, text: dict[str, str]) -> str:
    while True:
        _prompt(started, budget)
        first = _read_line()
        if first.strip() == "":
            return ""
        candidate = Path(first.strip()).expanduser()
        looks_like_path = first.strip().endswith(".py") and " " not in first.strip()
        if looks_like_path or candidate.is_file():
            if candidate.is_file():
                try:
                    return candidate.read_text(encoding="utf-8", errors="replace")
                except OSError as exc:
                    console.print(f"[red]{exc.strerror}: {candidate}[/]")
                    continue
            console.print(f"[red]{text['no_file'].format(path=candidate)}[/]")
            continue
        lines = [first]
        while True:
            line = _read_line()
            if line.strip() == "EOF":
                return "\n".join(lines) + "\n"
            lines.append(line)


def _show_question(view: QuestionView, lang: str) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    from mlinterview.render import format_seconds

    header = (
        f"[{view.number} · {view.position + 1}/{view.total}] {view.stage_title} · "
        f"⏱ {format_seconds(view.seconds)}"
    )
    body = Markdown(view.prompt)
    title = view.title if view.kind == "problem" else None
    console.print(Panel(body, title=header, subtitle=title, title_align="left"))
    console.print(TEXT[lang]["code" if view.kind == "problem" else "type"])


def _check_out_dir(out: Path) -> None:
    """Fail before the interview, not after it, when the report cannot be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"cannot create the report folder {out}: {exc.strerror or exc}")
    if not out.is_dir() or not os.access(out, os.W_OK):
        fail(f"the report folder {out} is not writable; choose another --out")


def _run_mock(ws: Workspace, state: MockState) -> MockReport | None:
    """Ask every open question; the report once the last answer finished the mock, else
    None (input ended: everything answered is stored)."""
    from mlinterview.interviews.mock import MockError
    from mlinterview.render import format_seconds

    text = TEXT[state.lang]
    while (view := ws.mock_question(state.id)) is not None:
        _show_question(view, state.lang)
        started = time.monotonic()
        try:
            if view.kind == "problem":
                reply = _read_code_answer(started, view.seconds, text)
            else:
                reply = _read_text_answer(started, view.seconds)
        except InputEnded:
            console.print()
            console.print(text["paused"].format(id=state.id))
            return None
        elapsed = time.monotonic() - started
        if view.kind == "problem" and reply.strip():
            console.print(f"[dim]{text['judging']}[/]")
        try:
            step = ws.answer_mock(state.id, view.position, reply, elapsed)
        except MockError as exc:
            fail(str(exc))
        result = step.answer
        line = text["saved"].format(
            used=format_seconds(result.elapsed_seconds),
            budget=format_seconds(result.budget_seconds),
        )
        if result.over_time:
            line += (
                " · [bold red]"
                + text["over"].format(over=format_seconds(result.over_seconds))
                + "[/]"
            )
        console.print(f"[dim]{line}[/]")
        console.print()
        if step.report is not None:
            return step.report
    return None


def _print_report(report: MockReport) -> None:
    from rich.table import Table

    from mlinterview.interviews.mock import comparison_line, report_labels, report_title
    from mlinterview.render import format_seconds

    t = report_labels(report.lang)
    text = TEXT[report.lang]
    console.rule(report_title(report))
    table = Table()
    table.add_column("#")
    table.add_column(t["question"], max_width=56, no_wrap=True, overflow="ellipsis")
    table.add_column(t["score"], justify="right")
    table.add_column(t["time"], justify="right")
    table.add_column(t["status"])
    for stage in report.stages:
        table.add_row(
            "",
            f"[bold]{stage.title}[/]",
            f"[bold]{stage.score:.0%}[/]",
            f"{format_seconds(stage.elapsed_seconds)} / {format_seconds(stage.budget_seconds)}",
            "",
        )
        for q in stage.questions:
            used = format_seconds(q.answer.elapsed_seconds) if q.answer else "–"
            over = " [red]+[/]" if q.answer and q.answer.over_time else ""
            if q.answer is not None and q.answer.verdict:
                status = f"{q.answer.verdict} ({q.answer.tests_passed}/{q.answer.tests_total})"
            elif q.answer is not None and q.answer.key_points:
                status = f"{len(q.covered)}/{len(q.answer.key_points)} {t['covered'].lower()}"
            else:
                status = t[q.status]
            table.add_row(
                q.number,
                q.title,
                f"{q.score:.0%}",
                f"{used} / {format_seconds(q.budget_seconds)}{over}",
                status,
            )
    table.add_row("", f"[bold]{text['overall']}[/]", f"[bold]{report.score:.0%}[/]", "", "")
    console.print(table)
    console.print(comparison_line(report))
    for stage in report.stages:
        for q in stage.questions:
            if not (q.covered or q.partly or q.missed):
                continue
            console.print(f"[bold]{q.number}[/] {q.title}", overflow="ellipsis", no_wrap=True)
            for key, mark in (("covered", "[green]✓[/]"), ("partly", "[yellow]~[/]")):
                for point in getattr(q, key):
                    console.print(f"  {mark} {' '.join(point.split())}")
            for point in q.missed:
                console.print(f"  [red]✗[/] {' '.join(point.split())}")
            for claim in q.answer.misconceptions if q.answer else ():
                console.print(f"  [red]![/] {' '.join(claim.split())}")
    if report.review:
        console.print(f"[bold]{text['review']}[/]")
        for card in report.review:
            console.print(f"  • {card.card_id}: {card.question} [dim]({card.reason})[/]")


def register(app: typer.Typer) -> None:
    @app.command("mock")
    def mock(
        role: Annotated[
            str | None,
            typer.Option(
                help="generalist, computer-vision, nlp, llm, reinforcement-learning or big-tech."
            ),
        ] = None,
        minutes: Annotated[int, typer.Option(help="Length of the interview (15-240).")] = 45,
        level: Annotated[str, typer.Option(help="junior, mid or senior.")] = "mid",
        lang: LangOption = "en",
        seed: Annotated[
            int | None, typer.Option(help="Same seed, same questions (default: random).")
        ] = None,
        out: Annotated[
            Path | None, typer.Option(help="Folder for the report (default: your data folder).")
        ] = None,
        resume: Annotated[
            int | None, typer.Option(help="Continue an unfinished mock by its id.")
        ] = None,
    ) -> None:
        """A timed mock interview over the five stages, graded, with a report at the end."""
        from mlinterview.interviews.mock import MockError, default_reports_dir, write_report
        from mlinterview.interviews.plan import LEVEL_TITLES, ROLE_TITLES, STAGE_TITLES, PlanError
        from mlinterview.render import format_seconds

        out_dir = out or default_reports_dir()
        if resume is None and role is None:
            fail("--role is required (or --resume ID to continue a mock)")
        _check_out_dir(out_dir)
        ws = workspace(store=True)
        try:
            if resume is None:
                assert role is not None
                state = ws.start_mock(role, minutes=minutes, level=level, lang=lang, seed=seed)
            else:
                state = ws.mock(resume)
        except (MockError, PlanError) as exc:
            fail(str(exc))
        if state.finished:
            fail(f"mock #{state.id} is already finished; `mlinterview mocks` lists it")
        text = TEXT[state.lang]
        console.rule(
            text["plan"].format(
                id=state.id,
                role=ROLE_TITLES[state.plan.role].get(state.lang),
                level=LEVEL_TITLES[state.plan.level].get(state.lang),
                minutes=state.plan.minutes,
                seed=state.plan.seed,
            )
        )
        for number, stage in enumerate(state.plan.stages, start=1):
            console.print(
                f"  {number}. {STAGE_TITLES[stage.stage].get(state.lang)}: "
                f"{len(stage.items)} {text['questions']}, {format_seconds(stage.seconds)}"
            )
        console.print()
        try:
            report = _run_mock(ws, state)
        except KeyboardInterrupt:
            console.print()
            console.print(text["paused"].format(id=state.id))
            raise typer.Exit(130) from None
        if report is None:
            return
        _print_report(report)
        try:
            md_path, html_path = write_report(report, out_dir)
        except MockError as exc:
            fail(str(exc))
        console.print(text["queued"].format(n=len(report.review)))
        console.print(text["report"].format(md=md_path, html=html_path), soft_wrap=True)

    @app.command("mocks")
    def mocks(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
    ) -> None:
        """Past mock interviews with scores, and the change versus the previous one per role."""
        from rich.table import Table

        from mlinterview.interviews.plan import Stage

        rows = workspace(store=True).mocks()
        if as_json:
            print_json([row.to_dict() for row in rows])
            return
        if not rows:
            console.print(TEXT["en"]["none"])
            return
        table = Table()
        for column in ("#", "started (UTC)", "role", "level", "answered", "score", "change"):
            table.add_column(column)
        for stage in Stage:
            table.add_column(stage.value, justify="right")
        for row in rows:
            score = f"{row.score:.0%}" if row.score is not None else "unfinished"
            change = "–" if row.delta is None else f"{row.delta:+.0%} vs #{row.previous_id}"
            stages = [
                f"{row.stage_scores[s.value]:.0%}" if s.value in row.stage_scores else "–"
                for s in Stage
            ]
            table.add_row(
                str(row.id),
                f"{row.started_at:%Y-%m-%d %H:%M}",
                row.role,
                row.level,
                f"{row.answered}/{row.questions}",
                score,
                change,
                *stages,
            )
        console.print(table)

    @app.command("kit")
    def kit(
        role: Annotated[str, typer.Option(help="The role the kit is for.")],
        level: Annotated[str, typer.Option(help="junior, mid or senior.")] = "mid",
        minutes: Annotated[int, typer.Option(help="Length of the interview (15-240).")] = 60,
        lang: LangOption = "en",
        seed: Annotated[
            int | None, typer.Option(help="Same seed, same kit (default: random).")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "md",
        out: Annotated[
            Path | None, typer.Option(help="File to write (default: stdout; pdf needs a file).")
        ] = None,
    ) -> None:
        """An interviewer kit: questions per stage with timing, key points, red flags, scoring."""
        from mlinterview.interviews.plan import PlanError

        if fmt == "pdf" and out is None:
            fail("--format pdf needs --out FILE")
        try:
            data, chosen_seed = workspace().kit(
                role, level=level, minutes=minutes, lang=lang, seed=seed, fmt=fmt
            )
        except (PlanError, ValueError) as exc:
            fail(str(exc))
        if out is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        try:
            out.write_bytes(data)
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror or exc}")
        err_console.print(f"wrote {out} (seed {chosen_seed})")
