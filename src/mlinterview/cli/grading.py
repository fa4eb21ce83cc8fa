"""Answer feedback commands: ``mlinterview answer ID`` and ``mlinterview grade --batch``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.panel import Panel
from rich.table import Table

from mlinterview.cli.common import LangOption, console, fail, print_json

STATUS_MARK = {
    "covered": "[green]✓ covered[/]",
    "partly": "[yellow]~ partly[/]",
    "missing": "[red]✗ missing[/]",
}
PROMPT = {
    "en": "Type your answer; finish with an empty line (or Ctrl-D):",
    "de": "Schreibe deine Antwort; beende sie mit einer Leerzeile (oder Strg-D):",
}


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
        from mlinterview.content.loader import bundled_bank

        card = bundled_bank().get(card_id)
        if card is None:
            fail(f"no card with id {card_id!r}; see `mlinterview list`")
        if text is None:
            if sys.stdin.isatty() and not as_json:
                console.print(Panel(card.question.get(lang), title=card.id))
                console.print(PROMPT[lang])
            text = _read_answer(sys.stdin)
        from mlinterview.grading.engine import grade_card

        result = grade_card(card, text, lang)
        if as_json:
            print_json(result.to_dict())
            return
        table = Table(show_header=False, box=None)
        for point in result.key_points:
            detail = point.text
            if point.evidence:
                detail += f"\n[dim]“{point.evidence}”[/]"
            table.add_row(STATUS_MARK[point.status], detail)
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
        jobs = [(n, _parse_line(line, n)) for n, line in enumerate(lines, start=1) if line.strip()]
        from mlinterview.content.loader import bundled_bank
        from mlinterview.grading.engine import grade_card, grade_free

        bank = bundled_bank()
        results = []
        for n, record in jobs:
            card_id = record.get("id")
            if card_id is not None:
                card = bank.get(str(card_id))
                if card is None:
                    fail(f"{batch}:{n}: no bank card with id {card_id!r}")
                result = grade_card(card, record["answer"], record["lang"])
            else:
                result = grade_free(
                    record["question"], record["reference_answer"], record["answer"], record["lang"]
                )
            results.append(json.dumps({"line": n, **result.to_dict()}, ensure_ascii=False))
        text = "\n".join(results) + ("\n" if results else "")
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")


def _parse_line(line: str, n: int) -> dict[str, Any]:
    """One validated batch record; a bad line stops the batch with its line number."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        fail(f"line {n}: not valid JSON ({exc.msg}); each line must be one JSON object")
    if not isinstance(record, dict):
        fail(f"line {n}: expected a JSON object with question, reference_answer, answer, lang")
    needed = (
        ("answer", "lang")
        if record.get("id") is not None
        else ("question", "reference_answer", "answer", "lang")
    )
    for key in needed:
        if not isinstance(record.get(key), str):
            fail(f"line {n}: field {key!r} is missing or not a string")
    if record["lang"] not in ("en", "de"):
        fail(f"line {n}: lang must be 'en' or 'de', not {record['lang']!r}")
    return record
