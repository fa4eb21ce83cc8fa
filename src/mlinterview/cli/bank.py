"""Bank commands: list, show, search and ``bank check``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlinterview.cli.common import (
    LangOption,
    console,
    fail,
    print_json,
    terminal_width,
    workspace,
)

if TYPE_CHECKING:
    from mlinterview.content.index import CardEntry
    from mlinterview.content.schema import Card

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON only.")]


def _card_lines(cards: list[CardEntry], lang: str, width: int) -> str:
    """Aligned columns with the question wrapped to the terminal width.

    Plain text on purpose: a Rich table takes ~0.5 ms per row, which a bank of hundreds
    of cards turns into most of the command's time; this takes a few microseconds.
    """
    import textwrap

    columns = ("id", "topic", "difficulty", "source")
    widths = [max([len(c)] + [len(getattr(card, c)) for card in cards]) for c in columns]
    indent = sum(widths) + 2 * len(widths)
    wrap = max(30, width - indent)
    lines = ["  ".join(c.ljust(w) for c, w in zip((*columns,), widths, strict=True)) + "  question"]
    for card in cards:
        cells = [getattr(card, c).ljust(w) for c, w in zip(columns, widths, strict=True)]
        wrapped = textwrap.wrap(card.question[lang], wrap) or [""]
        lines.append("  ".join(cells) + "  " + wrapped[0])
        lines.extend(" " * indent + rest for rest in wrapped[1:])
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    bank_app = typer.Typer(help="Validate and inspect the question bank.", no_args_is_help=True)
    app.add_typer(bank_app, name="bank")

    @bank_app.command("check")
    def bank_check(
        bank_dir: Annotated[
            Path | None,
            typer.Option(help="Check this bank folder instead of the installed one."),
        ] = None,
    ) -> None:
        """Validate every card, problem and lab; one line per problem, non-zero exit if any."""
        from mlinterview.content.check import check_bank

        if bank_dir is not None and not (bank_dir / "questions").is_dir():
            fail(f"{bank_dir} has no questions/ folder; point --bank-dir at a bank folder")
        issues = check_bank(bank_dir)
        for issue in issues:
            typer.echo(str(issue))
        if issues:
            raise typer.Exit(1)
        console.print("bank check: ok")

    @bank_app.command("freeze")
    def bank_freeze(
        problem_ids: Annotated[
            list[str] | None, typer.Argument(metavar="[PROBLEM]...", help="Default: all.")
        ] = None,
    ) -> None:
        """Write problems' tests as reviewed data: ids, expected values, what each catches."""
        from mlinterview.judge.freeze import freeze_all
        from mlinterview.judge.problems import ProblemDataError, load_problems
        from mlinterview.judge.runner import Judge, JudgeUnavailable

        try:
            judge = Judge().start()
        except JudgeUnavailable as exc:
            fail(f"cannot run the solutions: {exc}")
        try:
            reports = freeze_all(load_problems(), list(problem_ids or []), judge)
        except KeyError as exc:
            fail(str(exc.args[0]))
        except ProblemDataError as exc:
            fail(str(exc))
        finally:
            judge.close()
        for report in reports:
            state = "rewritten" if report.changed else "unchanged"
            replaced = f", {len(report.replaced)} replaced" if report.replaced else ""
            typer.echo(
                f"{report.problem}: {report.cases} cases, {report.generated} generated"
                f"{replaced}; {state}"
            )

    @app.command("list")
    def list_cards(
        topic: Annotated[str | None, typer.Option(help="Only this topic.")] = None,
        role: Annotated[str | None, typer.Option(help="Only cards for this role.")] = None,
        section: Annotated[
            str | None, typer.Option(help="Only the article's cards of this section.")
        ] = None,
        lang: LangOption = "en",
        as_json: JsonOption = False,
    ) -> None:
        """List the questions in the bank."""
        try:
            cards = workspace().summaries(topic=topic, role=role, section=section)
        except ValueError as exc:
            fail(str(exc))
        if as_json:
            print_json([card.summary(lang) for card in cards])
            return
        sys.stdout.write(_card_lines(cards, lang, terminal_width()))
        sys.stdout.write(f"{len(cards)} questions\n")

    @app.command("search")
    def search(
        text: Annotated[str, typer.Argument(help="Words to find (German or English).")],
        lang: LangOption = "en",
        as_json: JsonOption = False,
    ) -> None:
        """Find questions by words in either language (case- and accent-insensitive)."""
        from mlinterview.content.index import CardEntry

        cards = [CardEntry.of(card) for card in workspace().search(text)]
        if as_json:
            print_json([card.summary(lang) for card in cards])
            return
        if not cards:
            console.print(f"no question matches {text!r}")
            return
        sys.stdout.write(_card_lines(cards, lang, terminal_width()))

    @app.command("show")
    def show(
        card_id: Annotated[str, typer.Argument(metavar="ID", help="A question id (see `list`).")],
        lang: LangOption = "en",
        as_json: JsonOption = False,
    ) -> None:
        """Show a question with its reference answer, key points, pitfalls and links."""
        try:
            card = workspace().card(card_id)
        except LookupError as exc:
            fail(str(exc))
        if as_json:
            from mlinterview.content.views import card_detail

            print_json(card_detail(card, lang))
            return
        render_card(card, lang)


def render_card(card: Card, lang: str) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    from mlinterview.content.views import card_detail

    data = card_detail(card, lang)
    heading = {
        "en": ("Key points", "Misconceptions", "Follow-ups", "Labs", "Problems"),
        "de": ("Kernpunkte", "Typische Fehler", "Nachfragen", "Labs", "Aufgaben"),
    }[lang]
    console.print(Panel(data["question"], title=f"{card.id} · {card.topic.value}"))
    console.print(Markdown(data["answer"]))
    console.print(f"\n[bold]{heading[0]}[/]")
    for point in data["key_points"]:
        console.print(f"  • {point['text']}")
    console.print(f"\n[bold]{heading[1]}[/]")
    for item in data["misconceptions"]:
        console.print(f"  ✗ {item['claim']}\n    → {item['correction']}")
    console.print(f"\n[bold]{heading[2]}[/]")
    for follow_up in data["follow_ups"]:
        console.print(f"  ? {follow_up}")
    if card.labs:
        console.print(
            f"\n[bold]{heading[3]}[/]: " + ", ".join(card.labs) + "   (mlinterview lab ID)"
        )
    if card.problems:
        console.print(
            f"[bold]{heading[4]}[/]: " + ", ".join(card.problems) + "   (mlinterview problem ID)"
        )
