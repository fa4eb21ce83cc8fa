"""`mlinterview users ...` as a person runs it: real processes on SQLite and PostgreSQL,
passwords piped on stdin, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from mlinterview.store.db import Store
from mlinterview.team.accounts import Accounts, LoginFailed


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "users", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_users_commands_manage_accounts(cli_env: dict[str, str], database_url: str) -> None:
    refused = run(cli_env, "add", "alice", "--role", "candidate", stdin="alice-password-1\n")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "add an admin first" in refused.stderr
    assert "users add alice --role admin" in refused.stderr

    added = run(cli_env, "add", "boss", "--role", "admin", stdin="boss-password-12\n")
    assert added.returncode == 0, added.stderr
    assert "added boss as admin" in added.stdout and "existing local data" in added.stdout
    assert run(cli_env, "add", "alice", stdin="alice-password-1\n").returncode == 0
    assert run(cli_env, "add", "carl", "--role", "coach", stdin="carl-password-12").returncode == 0

    listed = run(cli_env, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    people = {p["name"]: p for p in json.loads(listed.stdout)}
    assert {n: (p["role"], p["can_log_in"]) for n, p in people.items()} == {
        "boss": ("admin", True),
        "alice": ("candidate", True),
        "carl": ("coach", True),
    }
    assert people["boss"]["id"] == 1
    assert "password" not in listed.stdout.replace("can_log_in", "")

    assert run(cli_env, "set-role", "alice", "coach").stdout.strip() == "alice is now coach"
    assert run(cli_env, "disable", "carl").returncode == 0
    text = run(cli_env, "list").stdout
    assert "carl" in text and "disabled" in text and "coach" in text

    changed = run(cli_env, "password", "alice", stdin="a-new-password-2\n")
    assert changed.returncode == 0, changed.stderr
    store = Store(database_url)
    try:
        accounts = Accounts(store)
        assert accounts.authenticate("alice", "a-new-password-2", "127.0.0.1").role == "coach"
        try:
            accounts.authenticate("carl", "carl-password-12", "127.0.0.1")
            raise AssertionError("a disabled account logged in")
        except LoginFailed:
            pass
    finally:
        store.close()


def test_users_errors_are_one_line_that_say_what_to_fix(cli_env: dict[str, str]) -> None:
    first = run(cli_env, "add", "boss", "--role", "admin", stdin="boss-password-12\n")
    assert first.returncode == 0, first.stderr
    cases = [
        (("add", "bad name"), "x" * 12, "letters, digits"),
        (("add", "dora", "--role", "root"), "x" * 12, "role must be candidate, coach or admin"),
        (("add", "dora"), "short\n", "at least 10 characters"),
        (("add", "dora"), "", "no password on stdin"),
        (("add", "boss", "--role", "admin"), "another-password\n", "already exists"),
        (("set-role", "nobody", "coach"), "", "no user named 'nobody'"),
        (("disable", "boss"), "", "last admin"),
        (("password", "nobody"), "whatever-password\n", "no user named 'nobody'"),
    ]
    for args, stdin, message in cases:
        done = run(cli_env, *args, stdin=stdin)
        assert done.returncode == 1, (args, done.stdout)
        assert message in done.stderr, (args, done.stderr)
        assert done.stderr.strip().count("\n") == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_the_users_commands_import_nothing_heavy_until_used() -> None:
    probe = (
        "import json, sys\n"
        "from mlinterview.cli import app\n"
        "try:\n"
        "    app(['users', '--help'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = ('argon2', 'itsdangerous', 'sqlalchemy', 'fastapi')\n"
        "    sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m in heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert "add" in done.stdout and "set-role" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


def _read_until(fd: int, marker: bytes, timeout: float = 60) -> bytes:
    import os
    import select
    import time

    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"waited for {marker!r}, got {seen!r}")
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    return seen


def test_on_a_terminal_the_password_is_asked_twice_without_echo(
    cli_env: dict[str, str], database_url: str
) -> None:
    """A real pseudo-terminal: the prompt hides what is typed, and a mistyped repeat
    adds nobody."""
    import os
    import pty

    def add(first: str, second: str) -> tuple[bytes, int]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the command on the terminal
            os.execve(
                sys.executable,
                [
                    sys.executable,
                    "-m",
                    "mlinterview.cli",
                    "users",
                    "add",
                    "boss",
                    "--role",
                    "admin",
                ],
                cli_env,
            )
        shown = _read_until(fd, b"Password")
        os.write(fd, first.encode() + b"\n")
        shown += _read_until(fd, b"Repeat")
        os.write(fd, second.encode() + b"\n")
        shown += _read_until(fd, b"\n\n", timeout=60)  # read to the end
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        return shown, os.waitstatus_to_exitcode(status)

    shown, code = add("typed-secret-1", "typed-secret-2")
    assert code == 1 and b"the two passwords differ" in shown
    assert b"typed-secret" not in shown
    shown, code = add("typed-secret-1", "typed-secret-1")
    assert code == 0 and b"added boss as admin" in shown and b"typed-secret" not in shown
    store = Store(database_url)
    try:
        assert Accounts(store).authenticate("boss", "typed-secret-1", "127.0.0.1").id == 1
    finally:
        store.close()
