"""Helpers every command module shares: JSON output and one-line errors."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Machine-readable output only: nothing else may be printed on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Exit with one line that says what is wrong and what to do."""
    err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def _check_lang(value: str) -> str:
    if value not in ("en", "de"):
        raise typer.BadParameter("use 'en' or 'de'")
    return value


LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        envvar="MLINTERVIEW_LANG",
        help="Language of the texts: en or de.",
        callback=_check_lang,
    ),
]
