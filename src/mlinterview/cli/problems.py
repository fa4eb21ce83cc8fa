"""Coding problems: ``problems`` (list), ``problem ID`` (statement, starter), ``solve ID FILE``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from mlinterview.cli.common import LangOption, console, err_console, fail, print_json, workspace
from mlinterview.translations import CLI_PROBLEM_COMPARE as COMPARE_TEXT
from mlinterview.translations import CLI_PROBLEM_FIELD as FIELD_TEXT
from mlinterview.translations import CLI_PROBLEM_LABELS as LABELS

if TYPE_CHECKING:
    from mlinterview.judge.verdict import JudgeResult

VERDICT_STYLE = {
    "Accepted": "bold green",
    "Wrong Answer": "bold red",
    "Runtime Error": "bold magenta",
    "Time Limit": "bold yellow",
    "Memory Limit": "bold yellow",
    "Output Limit": "bold yellow",
    "Compile Error": "bold red",
    "Judge Error": "bold red",
    "Not Run": "dim",
}


def escape(text: str) -> str:
    """Rich markup escaping, imported when a command prints (Rich is slow to import)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _compare_text(rule: Any, lang: str) -> str:
    """The comparison rule in words, with the rule of each named field of a dict."""
    text = COMPARE_TEXT[lang][rule.mode].format(rtol=rule.rtol, atol=rule.atol)
    parts = [text] + [
        FIELD_TEXT[lang].format(name=name, rule=_compare_text(field, lang))
        for name, field in rule.fields.items()
    ]
    return "; ".join(parts)


def _short(value: Any, limit: int = 300) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=True)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _problem(problem_id: str) -> Any:
    try:
        return workspace().problem(problem_id)
    except LookupError as exc:
        fail(escape(str(exc)))


def render_result(result: JudgeResult, lang: str = "en") -> None:
    """The human view: examples in full, hidden tests as a count and a first failing name.
    The labels and the judge's own sentences are in ``lang``; verdict names, values and the
    submission's own output stay as they are."""
    from mlinterview.judge.messages import detail_in, message_in

    labels = LABELS[lang]

    def line(label: str, value: str) -> str:
        return f"  {labels[label]:<10}{value}"

    total = result.total_count
    style = VERDICT_STYLE.get(result.verdict.value, "bold")
    counts = labels["passed"].format(passed=result.passed_count, total=total) if total else ""
    console.print(
        f"[{style}]{result.verdict.value}[/] ({counts}{result.seconds:.2f} s) - {result.problem}"
    )
    if result.missing_layers:
        incomplete = labels["sandbox_incomplete"].format(layers=", ".join(result.missing_layers))
        console.print(f"[yellow]{escape(incomplete)}[/]")
    if result.message:
        console.print(message_in(result.message, lang), markup=False)
    if result.traceback:
        console.print(
            (message_in(result.traceback, lang) or "").rstrip(), markup=False, highlight=False
        )
    for test in result.examples:
        style = VERDICT_STYLE.get(test.verdict.value, "bold")
        ms = test.seconds * 1000
        example = labels["example"].format(index=test.index)
        console.print(f"\n{example}: [{style}]{test.verdict.value}[/] ({ms:.1f} ms)")
        console.print(line("input", _short(test.input)), markup=False)
        console.print(line("expected", _short(test.expected)), markup=False)
        if test.verdict.value not in ("Not Run",) and test.got is not None:
            console.print(line("got", _short(test.got)), markup=False)
        if test.detail:
            console.print(line("why", detail_in(test.detail, lang) or ""), markup=False)
        if test.error:
            console.print(line("error", message_in(test.error, lang) or ""), markup=False)
        if test.traceback:
            shown = (message_in(test.traceback, lang) or "").rstrip()
            console.print("  " + shown.replace("\n", "\n  "), markup=False)
        if test.stdout:
            printed = test.stdout.rstrip().replace("\n", "\n  | ")
            console.print(f"  {labels['printed']}\n  | {printed}", markup=False)
    hidden = result.hidden
    if hidden is not None:
        first = (
            labels["first_failing"].format(name=hidden.first_failure)
            if hidden.first_failure
            else ""
        )
        summary = labels["hidden"].format(passed=hidden.passed, total=hidden.total, first=first)
        console.print("\n" + summary, markup=False)


def register(app: typer.Typer) -> None:
    @app.command("problems")
    def problems_command(
        topic: Annotated[
            str | None, typer.Option("--topic", help="Only problems of this topic.")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
        lang: LangOption = "en",
    ) -> None:
        """List the coding problems."""
        from rich.table import Table

        from mlinterview.judge.service import problem_summary

        try:
            problems = workspace().problems(topic)
        except ValueError as exc:
            fail(str(exc))
        if as_json:
            print_json([problem_summary(p, lang) for p in problems])
            return
        if not problems:
            console.print("no problems" + (f" for topic {topic}" if topic else ""))
            return
        table = Table("id", "title", "topic", "difficulty", "cards")
        for p in problems:
            table.add_row(
                p.id, p.title.get(lang), p.topic.value, p.difficulty.value, ", ".join(p.cards)
            )
        console.print(table)

    @app.command("problem")
    def problem_command(
        problem_id: Annotated[str, typer.Argument(metavar="ID", help="The problem id.")],
        lang: LangOption = "en",
        starter: Annotated[
            Path | None,
            typer.Option("--starter", help="Write a stub with the exact signature to FILE."),
        ] = None,
    ) -> None:
        """Show a problem's statement and examples; optionally write a starter file."""
        from rich.markdown import Markdown

        from mlinterview.judge.service import write_starter

        problem = _problem(problem_id)
        labels = LABELS[lang]
        if starter is not None:
            try:
                write_starter(problem, starter, lang)
            except (FileExistsError, OSError) as exc:
                fail(escape(str(exc)))
            console.print(labels["starter"].format(path=starter, id=problem.id), markup=False)
            return
        console.print(f"[bold]{escape(problem.title.get(lang))}[/] ({problem.id})")
        console.print(
            f"{problem.topic.value} · {problem.difficulty.value} · {problem.signature}",
            markup=False,
        )
        console.print(Markdown(problem.statement.get(lang)))
        console.print(f"\n[bold]{labels['examples']}[/]")
        for example in problem.examples:
            args = ", ".join(f"{k}={_short(v, 120)}" for k, v in example.args.items())
            shown = f"  {problem.function}({args})"
            if example.has_expected:
                shown += f" -> {_short(example.expected, 120)}"
            console.print(shown, markup=False)
        compare = _compare_text(problem.compare, lang)
        limits = labels["limits"].format(t=problem.limits.time_seconds, m=problem.limits.memory_mb)
        console.print(f"\n{limits}; {compare}", markup=False)
        needs = workspace().problem_libraries(problem.id)
        if needs["libraries"]:
            console.print(labels["libraries"].format(libs=", ".join(needs["libraries"])))
        if "torch" in needs["missing"]:
            console.print(f"[yellow]{escape(labels['needs_torch'])}[/]")
        if problem.hints:
            total = len(problem.hints)
            console.print(
                labels["hints_available"].format(total=total, id=problem.id), markup=False
            )

    @app.command("hint")
    def hint_command(
        problem_id: Annotated[str, typer.Argument(metavar="ID", help="The problem id.")],
        lang: LangOption = "en",
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    ) -> None:
        """Reveal the next hint for a problem (and show the earlier ones); a solve after a
        hint counts as solved with hints."""
        ws = workspace()
        try:
            result = ws.hints(problem_id, lang, reveal=True)
        except LookupError as exc:
            fail(escape(str(exc.args[0] if exc.args else exc)))
        if as_json:
            print_json(result.to_dict())
            return
        labels = LABELS[lang]
        if not result.total:
            console.print(labels["no_hints"].format(id=result.problem), markup=False)
            return
        for n, text in enumerate(result.shown, start=1):
            console.print(f"[bold]{labels['hint'].format(n=n, total=result.total)}[/]")
            console.print(text, markup=False)
        if result.remaining:
            console.print(
                labels["more_hints"].format(left=result.remaining, id=result.problem),
                markup=False,
            )
        else:
            console.print(labels["no_more_hints"].format(total=result.total), markup=False)

    @app.command("solve")
    def solve_command(
        problem_id: Annotated[str, typer.Argument(metavar="ID", help="The problem id.")],
        file: Annotated[Path, typer.Argument(metavar="FILE", help="Your solution (.py).")],
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
        lang: LangOption = "en",
    ) -> None:
        """Judge FILE in the sandbox against the examples and hidden tests; exit 0 if accepted."""
        from mlinterview.judge.problems import UnknownProblem
        from mlinterview.judge.runner import JudgeUnavailable
        from mlinterview.judge.service import SubmissionFileError
        from mlinterview.store.db import StoreError

        def refuse(message: str) -> NoReturn:
            if as_json:  # --json always prints JSON, even when nothing could be judged
                print_json({"problem": problem_id, "verdict": None, "error": message})
            fail(escape(message))

        ws = workspace()
        try:
            result, code = ws.judge_file(problem_id, file)
        except (SubmissionFileError, JudgeUnavailable, UnknownProblem) as exc:
            refuse(str(exc))
        try:
            ws.save_submission(result, code)
        except StoreError as exc:
            err_console.print(f"[yellow]warning:[/] not saved: {escape(str(exc))}")
        if as_json:
            print_json(result.to_dict())
        else:
            render_result(result, lang)
        if not result.accepted:
            raise typer.Exit(1)
