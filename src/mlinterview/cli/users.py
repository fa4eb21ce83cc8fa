"""`mlinterview users ...`: team-mode accounts (a thin adapter over ``team.accounts``).

Passwords are read from stdin, never from arguments (which other users of the machine
can see in the process list): typed without echo on a terminal, one line when piped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from mlinterview.cli.common import fail, print_json, workspace

if TYPE_CHECKING:
    from mlinterview.team.accounts import Accounts

T = TypeVar("T")

users_app = typer.Typer(
    help="Team-mode accounts: add, list, set a role, disable, set a password.",
    no_args_is_help=True,
)

RoleArg = Annotated[str, typer.Argument(help="candidate, coach or admin.")]


def _read_password(confirm: bool = True) -> str:
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password (at least 10 characters): ")
        if confirm and getpass.getpass("Repeat it: ") != first:
            fail("the two passwords differ; run the command again")
        return first
    line = sys.stdin.readline()
    if not line:
        fail("no password on stdin: pipe one line into the command (printf '%s\\n' \"$PW\" | ...)")
    return line.rstrip("\r\n")


def _accounts(change: Callable[[Accounts], T]) -> T:
    """Run one call on the accounts; an AccountError becomes the one-line error."""
    from mlinterview.team.accounts import AccountError

    try:
        return change(workspace(store=True).accounts)
    except AccountError as exc:
        fail(str(exc))


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Login name: 1-80 letters, digits, . - _")],
    role: Annotated[str, typer.Option("--role", help="candidate, coach or admin.")] = ("candidate"),
) -> None:
    """Add an account; the password comes from stdin. The first account must be an admin
    and takes over this database's existing (single-user) data."""
    from mlinterview.store import LOCAL_USER_ID
    from mlinterview.team.accounts import AccountError, check_name, check_role

    try:  # say what is wrong with the arguments before asking for a password
        check_name(name)
        check_role(role)
    except AccountError as exc:
        fail(str(exc))
    password = _read_password()
    account = _accounts(lambda accounts: accounts.add(name, role, password))
    took_over = " (it now owns the existing local data)" if account.id == LOCAL_USER_ID else ""
    typer.echo(f"added {account.name} as {account.role}{took_over}")


@users_app.command("list")
def list_users(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every account with its role and whether it can log in."""
    accounts = workspace(store=True).accounts.list()
    if as_json:
        print_json([a.as_json() for a in accounts])
        return
    for a in accounts:
        state = "disabled" if a.disabled else ("active" if a.has_password else "no password")
        typer.echo(f"{a.id:>5}  {a.name:<24} {a.role:<10} {state}")


@users_app.command("set-role")
def set_role(
    name: Annotated[str, typer.Argument(help="The account's name.")], role: RoleArg
) -> None:
    """Change an account's role (the last admin who can log in keeps theirs)."""
    account = _accounts(lambda accounts: accounts.set_role(name, role))
    typer.echo(f"{account.name} is now {account.role}")


@users_app.command("disable")
def disable(name: Annotated[str, typer.Argument(help="The account's name.")]) -> None:
    """Stop an account from logging in; its open sessions end at once."""
    account = _accounts(lambda accounts: accounts.disable(name))
    typer.echo(f"{account.name} is disabled")


@users_app.command("enable")
def enable(name: Annotated[str, typer.Argument(help="The account's name.")]) -> None:
    """Let a disabled account log in again."""
    account = _accounts(lambda accounts: accounts.enable(name))
    typer.echo(f"{account.name} is enabled")


@users_app.command("password")
def password(name: Annotated[str, typer.Argument(help="The account's name.")]) -> None:
    """Set an account's password from stdin; its open sessions end."""
    _accounts(lambda accounts: accounts.get(name))  # an unknown name before the prompt
    secret = _read_password()
    account = _accounts(lambda accounts: accounts.set_password(name, secret))
    typer.echo(f"password of {account.name} changed; its sessions have ended")


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
