"""Helpers every command module shares: the Workspace, JSON output and one-line errors."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from mlinterview.workspace import Workspace


class _LazyConsole:
    """A Rich console built on first use: importing Rich costs ~30 ms, more than the whole
    of `mlinterview list`'s own work, and the plain-text commands never need it."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


console = cast("Console", _LazyConsole(highlight=False))
err_console = cast("Console", _LazyConsole(stderr=True, highlight=False))


def terminal_width() -> int:
    """Columns to wrap plain text to (COLUMNS wins, as in Rich), without importing Rich."""
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def print_json(data: Any) -> None:
    """Machine-readable output only: nothing else may be printed on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Exit with one line that says what is wrong and what to do."""
    err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def _check_lang(value: str) -> str:
    if value not in ("en", "de"):
        fail(f"--lang must be en or de, not {value!r} (MLINTERVIEW_LANG sets the default)")
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


_workspaces: dict[tuple[str | None, str | None, str | None], Workspace] = {}


def workspace(*, store: bool = False) -> Workspace:
    """The core object every command calls (one per database and bank location).

    ``MLINTERVIEW_BANK_DIR`` points it at another bank folder (an author's working copy).

    With ``store=True`` the database is opened now, so a bad location is a one-line
    error before any work starts.
    """
    from pathlib import Path

    from mlinterview.workspace import Workspace

    bank_dir = os.environ.get("MLINTERVIEW_BANK_DIR") or None
    key = (os.environ.get("MLINTERVIEW_DATABASE_URL"), os.environ.get("HOME"), bank_dir)
    found = _workspaces.get(key)
    if found is None:
        found = _workspaces[key] = Workspace(bank_dir=Path(bank_dir) if bank_dir else None)
    if store:
        from mlinterview.store.db import StoreError

        try:
            found.store  # noqa: B018 - opening it is the point
        except StoreError as exc:
            fail(str(exc))
    return found
