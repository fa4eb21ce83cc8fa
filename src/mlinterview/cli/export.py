"""`mlinterview export anki|markdown`: thin adapters over ``mlinterview.export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlinterview.cli.common import console, fail


def register(app: typer.Typer) -> None:
    export_app = typer.Typer(
        help="Export the question bank to Anki or Markdown.", no_args_is_help=True
    )
    app.add_typer(export_app, name="export")

    @export_app.command("anki")
    def anki(
        out: Annotated[Path, typer.Option("--out", help="The deck file to write (.apkg).")],
        lang: Annotated[
            str, typer.Option("--lang", help="Which languages: en, de or both.")
        ] = "both",
    ) -> None:
        """An Anki deck; re-importing a newer export updates notes instead of duplicating."""
        from mlinterview.export import ExportError
        from mlinterview.export.anki import export_anki

        try:
            counts = export_anki(out, lang)
        except ExportError as exc:
            fail(str(exc))
        summary = ", ".join(f"{n} notes ({code})" for code, n in counts.items())
        console.print(f"wrote {out}: {summary}")

    @export_app.command("markdown")
    def markdown(
        out: Annotated[Path, typer.Option("--out", help="The directory to write into.")],
        per: Annotated[
            str, typer.Option("--per", help="One file per 'topic' or per 'card'.")
        ] = "topic",
        lang: Annotated[
            str, typer.Option("--lang", help="Which languages: en, de or both.")
        ] = "both",
    ) -> None:
        """Markdown files of every card, in both languages, with an index README."""
        from mlinterview.export import ExportError
        from mlinterview.export.anki import LANG_CHOICES
        from mlinterview.export.markdown import export_markdown

        if lang not in LANG_CHOICES:
            fail(f"unknown language {lang!r}; use en, de or both")
        try:
            written = export_markdown(out, per, LANG_CHOICES[lang])
        except ExportError as exc:
            fail(str(exc))
        console.print(f"wrote {len(written)} files under {out}")
