"""Bank commands: list, show, search and ``bank check``."""

from __future__ import annotations

import typer

from mlinterview.cli.common import console, fail, print_json


def register(app: typer.Typer) -> None:
    bank_app = typer.Typer(help="Validate and inspect the question bank.", no_args_is_help=True)
    app.add_typer(bank_app, name="bank")

    @bank_app.command("check")
    def bank_check() -> None:
        """Validate every card, problem and lab; one line per problem, non-zero exit if any."""
        from mlinterview.content.check import check_bank

        issues = check_bank()
        for issue in issues:
            typer.echo(str(issue))
        if issues:
            raise typer.Exit(1)
        console.print("bank check: ok")

    _ = fail, print_json
