"""`mlinterview cohorts ...` and `mlinterview assign` in-process (Typer's runner) over a real
database on both backends: the core's role checks reach the terminal as one-line errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from mlinterview.cli import app
from mlinterview.store.db import Store, open_store
from mlinterview.store.models import User
from mlinterview.workspace import Workspace

runner = CliRunner()


def test_cohorts_and_assign_from_the_terminal(database_url: str, tmp_path: Path) -> None:
    store = Store(database_url)
    with store.transaction() as session:
        for name, role in (("coach", "coach"), ("alice", "candidate"), ("bob", "candidate")):
            session.add(User(name=name, role=role, created_at=datetime.now(UTC)))
    env = {"MLINTERVIEW_DATABASE_URL": database_url, "HOME": str(tmp_path)}
    # The CLI opens the default database once per process (a real process has one URL);
    # this process runs the test on two backends, so the second run must open its own.
    open_store.cache_clear()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, list(args), env=env)
        return result.exit_code, result.output

    code, out = run("cohorts", "add", "Spring")  # the local admin
    assert code == 0, out
    code, out = run("cohorts", "add", "Autumn", "--as-user", "coach")
    assert code == 1 and "only an admin can create a cohort" in out
    assert run("cohorts", "members", "Spring", "--add", "coach", "--as", "coach")[0] == 0
    assert run("cohorts", "members", "Spring", "--add", "alice", "--as", "candidate")[0] == 0
    code, out = run("cohorts", "members", "Spring", "--add", "bob", "--as", "coach")
    assert code == 1 and "coach role first" in out
    code, out = run("cohorts", "members", "Spring", "--json")
    assert code == 0 and {m["user"]: m["role"] for m in json.loads(out)} == {
        "coach": "coach",
        "alice": "candidate",
    }

    code, out = run("cohorts", "list", "--json", "--as-user", "coach")
    assert code == 0 and [(c["name"], c["role"]) for c in json.loads(out)] == [("Spring", "coach")]
    code, out = run("cohorts", "list", "--json", "--as-user", "bob")
    assert code == 0 and json.loads(out) == []

    code, out = run(
        "assign",
        "Spring",
        "--mock",
        "generalist",
        "--minutes",
        "15",
        "--due",
        "2099-02-01",
        "--as-user",
        "coach",
    )
    assert code == 0 and "assignment #" in out, out
    code, out = run("assign", "Spring", "--cards", "overfitting,roc-auc", "--as-user", "coach")
    assert code == 0, out
    code, out = run("assign", "Spring", "--cards", "overfitting", "--as-user", "alice")
    assert code == 1 and "no cohort" in out  # a candidate cannot set work
    code, out = run("assign", "Spring", "--cards", "nope", "--as-user", "coach")
    assert code == 1 and "unknown card id(s): nope" in out
    code, out = run("assign", "Spring", "--mock", "generalist", "--cards", "x")
    assert code == 1 and "exactly one of" in out
    code, out = run("assign", "Nowhere", "--kit", "generalist")
    assert code == 1 and "no cohort named 'Nowhere'" in out
    code, out = run("cohorts", "show", "Spring", "--json", "--as-user", "coach")
    assert code == 0 and [c["user"] for c in json.loads(out)["candidates"]] == ["alice"]

    alice = Workspace(store).as_user("alice")
    assert [a.kind for a in alice.my_assignments()] == ["mock", "cards"]
    store.close()
