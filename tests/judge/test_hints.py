"""Hints, one at a time (issue 18): the workspace reveals and stores them, a solve after
a hint is counted apart, and the CLI shows them in the user's language. Real SQLite, the
real judge and the bundled problems."""

from __future__ import annotations

from typer.testing import CliRunner

from mlinterview.cli import app as cli_app
from mlinterview.judge.problems import load_problems
from mlinterview.workspace import Workspace

SOFTMAX = (
    "import numpy as np\n\n"
    "def softmax(z):\n"
    "    z = np.asarray(z, dtype=float)\n"
    "    e = np.exp(z - z.max(axis=-1, keepdims=True))\n"
    "    return e / e.sum(axis=-1, keepdims=True)\n"
)
CAN_SHIFT = "def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n"


def test_every_problem_has_two_or_three_hints_in_both_languages() -> None:
    for problem in load_problems().values():
        assert 2 <= len(problem.hints) <= 3, problem.id
        for hint in problem.hints:
            assert hint.en.strip() and hint.de.strip() and hint.en != hint.de, problem.id


def test_hints_are_revealed_in_order_and_stored(sqlite_url: str) -> None:
    ws = Workspace(sqlite_url)
    problem = ws.problem("softmax")
    start = ws.hints("softmax", "en")
    assert start.shown == () and start.total == len(problem.hints) and not start.new
    first = ws.hints("softmax", "en", reveal=True)
    assert first.shown == (problem.hints[0].en,) and first.new
    assert first.remaining == first.total - 1
    german = Workspace(sqlite_url).hints("softmax", "de")  # stored, not per process
    assert german.shown == (problem.hints[0].de,)
    for _ in range(first.total + 2):
        last = ws.hints("softmax", "en", reveal=True)
    assert last.shown == tuple(h.en for h in problem.hints) and not last.new
    assert last.to_dict()["remaining"] == 0


def test_a_solve_after_a_hint_counts_apart(database_url: str) -> None:
    ws = Workspace(database_url)
    assert ws.judge_submission("can_shift", CAN_SHIFT).accepted
    ws.hints("can_shift", "en", reveal=True)  # a hint after solving changes nothing
    ws.hints("softmax", "en", reveal=True)
    assert not ws.judge_submission("softmax", "def softmax(z):\n    return z\n").accepted
    assert ws.problem_statuses()["softmax"] == "attempted"
    assert ws.judge_submission("softmax", SOFTMAX).accepted
    statuses = ws.problem_statuses()
    assert statuses["can_shift"] == "solved"
    assert statuses["softmax"] == "solved_with_hints"


def test_cli_reveals_the_next_hint_in_german(sqlite_url: str) -> None:
    env = {"MLINTERVIEW_DATABASE_URL": sqlite_url, "COLUMNS": "200"}
    runner = CliRunner()
    first = runner.invoke(cli_app, ["hint", "softmax", "--lang", "de"], env=env)
    assert first.exit_code == 0, first.output
    total = len(load_problems()["softmax"].hints)
    assert f"Tipp 1 von {total}" in first.output and "Tipp 2" not in first.output
    second = runner.invoke(cli_app, ["hint", "softmax", "--json"], env=env)
    assert '"remaining": ' + str(total - 2) in second.output
    unknown = runner.invoke(cli_app, ["hint", "softmaxx"], env=env)
    assert unknown.exit_code != 0 and "softmax" in unknown.output


def test_problems_json_lists_libraries_and_hint_counts(sqlite_url: str) -> None:
    import json

    env = {"MLINTERVIEW_DATABASE_URL": sqlite_url}
    listed = CliRunner().invoke(cli_app, ["problems", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    rows = {row["id"]: row for row in json.loads(listed.output)}
    assert rows["softmax"]["libraries"] == ["numpy"]
    assert rows["can_shift"]["libraries"] == []
    assert all(2 <= row["hints"] <= 3 for row in rows.values())


def test_simultaneous_reveals_store_each_hint_once(database_url: str) -> None:
    """A double click or two tabs: every request answers, and no hint is stored twice."""
    from concurrent.futures import ThreadPoolExecutor

    total = len(load_problems()["softmax"].hints)
    Workspace(database_url).hints("softmax", "en")  # the database exists and is migrated
    workspaces = [Workspace(database_url) for _ in range(8)]
    for ws in workspaces:
        assert ws.store is not None  # each opens its own connection pool before the race
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda ws: ws.hints("softmax", "en", reveal=True), workspaces))
    assert sum(r.new for r in results) <= total
    final = Workspace(database_url).hints("softmax", "en")
    assert 1 <= len(final.shown) <= total
    assert final.shown == tuple(h.en for h in load_problems()["softmax"].hints[: len(final.shown)])
