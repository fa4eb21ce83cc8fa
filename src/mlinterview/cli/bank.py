"""Bank commands: list, show, search and ``bank check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table

from mlinterview.cli.common import LangOption, console, fail, print_json, workspace
from mlinterview.content.schema import Card
from mlinterview.content.views import card_detail, card_summary

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON only.")]


def _card_table(cards: list[Card], lang: str) -> Table:
    table = Table(show_lines=False)
    for column in ("id", "topic", "difficulty", "source", "question"):
        table.add_column(column, overflow="fold")
    for card in cards:
        table.add_row(
            card.id,
            card.topic.value,
            card.difficulty.value,
            card.source.value,
            card.question.get(lang),
        )
    return table


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

    @app.command("list")
    def list_cards(
        topic: Annotated[str | None, typer.Option(help="Only this topic.")] = None,
        role: Annotated[str | None, typer.Option(help="Only cards for this role.")] = None,
        lang: LangOption = "en",
        as_json: JsonOption = False,
    ) -> None:
        """List the questions in the bank."""
        try:
            cards = workspace().cards(topic=topic, role=role)
        except ValueError as exc:
            fail(str(exc))
        if as_json:
            print_json([card_summary(card, lang) for card in cards])
            return
        console.print(_card_table(cards, lang))
        console.print(f"{len(cards)} questions")

    @app.command("search")
    def search(
        text: Annotated[str, typer.Argument(help="Words to find (German or English).")],
        lang: LangOption = "en",
        as_json: JsonOption = False,
    ) -> None:
        """Find questions by words in either language (case- and accent-insensitive)."""
        cards = workspace().search(text)
        if as_json:
            print_json([card_summary(card, lang) for card in cards])
            return
        if not cards:
            console.print(f"no question matches {text!r}")
            return
        console.print(_card_table(cards, lang))

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
            print_json(card_detail(card, lang))
            return
        render_card(card, lang)


def render_card(card: Card, lang: str) -> None:
    from rich.markdown import Markdown

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
