"""Practice and progress commands; the scheduling itself lives in ``practice.scheduling``."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Annotated

import typer

from mlinterview.cli.common import LangOption, console, fail, print_json, workspace
from mlinterview.translations import CLI_PRACTICE as TEXT

if TYPE_CHECKING:
    from mlinterview.content.schema import Card
    from mlinterview.workspace import Workspace


def _read_line() -> str | None:
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def _read_answer() -> str | None:
    """Lines until an empty one; None at end of input."""
    lines: list[str] = []
    while True:
        line = _read_line()
        if line is None:
            return None if not lines else "\n".join(lines)
        if line.strip() == "":
            return "\n".join(lines)
        lines.append(line)


def register(app: typer.Typer) -> None:
    @app.command("practice")
    def practice(
        topic: Annotated[str | None, typer.Option(help="Only this topic.")] = None,
        role: Annotated[str | None, typer.Option(help="Only cards for this role.")] = None,
        lang: LangOption = "en",
        limit: Annotated[int, typer.Option(min=1, help="At most this many cards.")] = 20,
    ) -> None:
        """Review due cards first, then new ones; every rating is saved at once."""
        ws = workspace(store=True)
        try:
            cards = ws.next_cards(topic=topic, role=role, limit=limit)
        except ValueError as exc:
            fail(str(exc))
        text = TEXT[lang]
        if not cards:
            console.print(text["nothing"])
            return
        reviewed = 0
        for index, card in enumerate(cards, start=1):
            outcome = _practise_card(ws, card, lang, index, len(cards))
            if outcome is None:
                break
            reviewed += 1
        console.print(text["done"].format(n=reviewed))

    @app.command("stats")
    def stats(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
    ) -> None:
        """Progress per topic: cards seen, due today, mature, average recall probability."""
        from rich.table import Table

        rows = workspace(store=True).stats()
        if as_json:
            print_json([row.__dict__ for row in rows])
            return
        table = Table()
        for column in ("topic", "cards", "seen", "due today", "mature", "avg. retrievability"):
            table.add_column(column)
        for row in rows:
            retr = (
                "-" if row.average_retrievability is None else f"{row.average_retrievability:.0%}"
            )
            table.add_row(
                row.topic, str(row.cards), str(row.seen), str(row.due_today), str(row.mature), retr
            )
        console.print(table)


def _practise_card(ws: Workspace, card: Card, lang: str, index: int, total: int) -> bool | None:
    """Show one card and record its rating; None when the user quits or input ends."""
    from rich.panel import Panel
    from rich.text import Text

    text = TEXT[lang]
    console.print(Panel(card.question.get(lang), title=f"[{index}/{total}] {card.id}"))
    for comment in ws.take_card_comments(card.id):  # shown once, as on the practice page
        # Another person's text: plain Text, so brackets in it are never Rich markup.
        title = Text(text["coach"].format(name=comment.author_name))
        console.print(Panel(Text(comment.body), title=title, border_style="yellow"))
    console.print(text["answer"])
    started = time.monotonic()
    answer = _read_answer()
    if answer is None:
        return None
    assessment = ws.assess(card, answer, lang) if answer.strip() else None
    if assessment is not None:
        console.print(Panel(assessment.feedback, title=f"{assessment.score:.0%}"))
    console.print(Panel(card.answer.get(lang), title=text["reference"]))
    console.print(f"[bold]{text['points']}[/]")
    for point in card.key_points:
        console.print(f"  • {point.text(lang)}")
    suggestion = assessment.suggested_rating if assessment is not None else None
    prompt = text["rate"] + (f" ({text['suggest']}: {suggestion}, Enter)" if suggestion else "")
    while True:
        console.print(prompt)
        choice = _read_line()
        if choice is None or choice.strip().lower() == "q":
            return None
        if choice.strip() == "" and suggestion:
            rating = suggestion
            break
        if choice.strip() in {"1", "2", "3", "4"}:
            rating = int(choice.strip())
            break
        console.print(text["bad"])
    outcome = ws.record_rating(
        card.id,
        rating,
        lang=lang,
        answer=answer or None,
        assessment=assessment,
        duration_ms=int((time.monotonic() - started) * 1000),
    )
    console.print(f"[dim]{text['saved']}: {outcome.due:%Y-%m-%d %H:%M} UTC[/]")
    return True
