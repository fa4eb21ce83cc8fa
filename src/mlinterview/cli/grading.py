"""Answer feedback commands: ``mlinterview answer ID`` and ``mlinterview grade --batch``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from mlinterview.cli.common import LangOption, console, fail, print_json, workspace
from mlinterview.translations import CLI_GRADE_PROMPT as PROMPT
from mlinterview.translations import CLI_GRADE_STATUS as STATUS_MARK


def _read_answer(stdin: TextIO) -> str:
    """All of piped input, or typed lines up to the first empty one."""
    if not stdin.isatty():
        return stdin.read()
    lines = []
    for line in stdin:
        if not line.strip():
            break
        lines.append(line.rstrip("\n"))
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    @app.command("answer")
    def answer_command(
        card_id: Annotated[str, typer.Argument(metavar="ID", help="Card id, e.g. overfitting.")],
        lang: LangOption = "en",
        text: Annotated[
            str | None, typer.Option("--text", help="The answer (otherwise typed or piped).")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
    ) -> None:
        """Answer one question and get feedback: key points covered/partly/missing, score."""
        from rich.panel import Panel
        from rich.table import Table

        ws = workspace()
        try:
            card = ws.card(card_id)
        except LookupError as exc:
            fail(str(exc))
        if text is None:
            if sys.stdin.isatty() and not as_json:
                console.print(Panel(card.question.get(lang), title=card.id))
                console.print(PROMPT[lang])
            text = _read_answer(sys.stdin)
        result = ws.grade(card.id, text, lang)
        if as_json:
            print_json(result.to_dict())
            return
        table = Table(show_header=False, box=None)
        for point in result.key_points:
            detail = point.text
            if point.evidence:
                detail += f"\n[dim]“{point.evidence}”[/]"
            if point.weak:
                detail += f" {STATUS_MARK[lang]['weak']}"
            table.add_row(STATUS_MARK[lang][point.status], detail)
        console.print(table)
        for wrong in result.misconceptions:
            console.print(
                f"[bold red]! {wrong.claim}[/]\n  [dim]“{wrong.evidence}”[/]\n  {wrong.correction}"
            )
        console.print(Panel(result.feedback, title=f"{result.score:.0%}"))

    @app.command("grade")
    def grade_command(
        batch: Annotated[
            Path,
            typer.Option(
                "--batch",
                help='JSON Lines file: {"question", "reference_answer", "answer", "lang"} '
                'per line, optional "id" of a bank card to use its rubric.',
            ),
        ],
        out: Annotated[
            Path | None, typer.Option("--out", help="Write results here instead of stdout.")
        ] = None,
    ) -> None:
        """Grade many answers: one JSON result per input line, in input order."""
        if not batch.is_file():
            fail(f"{batch} does not exist; pass a JSON Lines file to --batch")
        try:
            lines = batch.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            fail(f"{batch} is not UTF-8 text; save it as UTF-8 JSON Lines")
        from mlinterview.workspace import BatchRecordError

        try:
            results = [
                json.dumps(record, ensure_ascii=False) for record in workspace().grade_batch(lines)
            ]
        except BatchRecordError as exc:
            fail(f"{batch}: {exc}")
        text = "\n".join(results) + ("\n" if results else "")
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
