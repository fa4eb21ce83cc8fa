"""`mlinterview cohorts add|members|list|show` and `mlinterview assign`: thin adapters over
the Workspace's cohort methods. Who may do what is checked in the core
(``team/cohorts.py``) for the user a command acts as (``--as-user``, default the local
admin); every refusal is one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from mlinterview.cli.common import console, fail, print_json, workspace

if TYPE_CHECKING:
    from mlinterview.workspace import Workspace

T = TypeVar("T")

AsUser = Annotated[
    str | None,
    typer.Option("--as-user", help="Act as this user (default: the local admin)."),
]


def _acting(name: str | None) -> Workspace:
    ws = workspace(store=True)
    return _run(lambda: ws.as_user(name)) if name else ws


def _run(call: Callable[[], T]) -> T:
    """The core's refusals (not visible, not allowed, bad input) as one-line errors."""
    try:
        return call()
    except (LookupError, PermissionError, ValueError) as exc:
        fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def register(app: typer.Typer) -> None:
    cohorts_app = typer.Typer(help="Cohorts of candidates and their coaches (team mode).")
    app.add_typer(cohorts_app, name="cohorts")

    @cohorts_app.command("add")
    def add(
        name: Annotated[str, typer.Argument(help="The new cohort's name.")], as_user: AsUser = None
    ) -> None:
        """Create a cohort (admins only)."""
        ws = _acting(as_user)
        cohort = _run(lambda: ws.create_cohort(name))
        console.print(f"cohort {name} created (#{cohort})")

    @cohorts_app.command("members")
    def members(
        cohort: Annotated[str, typer.Argument(help="The cohort's name or id.")],
        add: Annotated[str | None, typer.Option("--add", help="Add this user.")] = None,
        remove: Annotated[str | None, typer.Option("--remove", help="Remove this user.")] = None,
        role: Annotated[str, typer.Option("--as", help="candidate or coach.")] = "candidate",
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        as_user: AsUser = None,
    ) -> None:
        """Add (--add USER --as candidate|coach) or remove members; without either, list them."""
        ws = _acting(as_user)
        cohort_id = _run(lambda: ws.cohort_id(cohort))
        if add:
            _run(lambda: ws.set_cohort_member(cohort_id, add, role))
            console.print(f"{add} is a {role} of {cohort}")
        if remove:
            removed = _run(lambda: ws.remove_cohort_member(cohort_id, remove))
            console.print(f"{remove} {'removed from' if removed else 'was not in'} {cohort}")
        if add or remove:
            return
        people = _run(lambda: ws.cohort_members(cohort_id))
        if json_out:
            print_json([{"user": m.name, "id": m.user_id, "role": m.role} for m in people])
            return
        for m in people:
            console.print(f"{m.name}\t{m.role}", markup=False)

    @cohorts_app.command("list")
    def list_cohorts(
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        as_user: AsUser = None,
    ) -> None:
        """Your cohorts: every cohort for an admin, where you coach, where you are a member."""
        ws = _acting(as_user)
        found = _run(ws.cohorts)
        if json_out:
            print_json(
                [
                    {
                        "id": c.id,
                        "name": c.name,
                        "role": c.my_role,
                        "candidates": c.candidates,
                        "coaches": list(c.coaches),
                    }
                    for c in found
                ]
            )
            return
        if not found:
            console.print("no cohorts; an admin creates one with `mlinterview cohorts add NAME`")
        for c in found:
            coaches = ", ".join(c.coaches) or "-"
            console.print(
                f"#{c.id}\t{c.name}\t{c.my_role}\t{c.candidates} candidates\tcoaches: {coaches}",
                markup=False,
            )

    @cohorts_app.command("show")
    def show(
        cohort: Annotated[str, typer.Argument(help="The cohort's name or id.")],
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        as_user: AsUser = None,
    ) -> None:
        """The cohort's dashboard: progress per candidate, weak key points, who is behind."""
        ws = _acting(as_user)
        board = _run(lambda: ws.cohort_dashboard(ws.cohort_id(cohort)))
        rows = [
            {
                "user": c.name,
                "cards_seen": c.cards_seen,
                "due_now": c.due_now,
                "mastery": round(c.mastery, 4),
                "reviews_7d": c.reviews_7d,
                "problems_solved": c.problems_solved,
                "mocks_finished": c.mocks_finished,
                "last_mock_score": c.last_mock_score,
                "assignments_done": c.assignments_done,
                "assignments_overdue": c.assignments_overdue,
                "behind": list(c.behind),
            }
            for c in board.candidates
        ]
        weak = [
            {"card": w.card_id, "point": w.point_id, "missing": w.missing, "answers": w.answers}
            for w in board.weak_points
        ]
        if json_out:
            print_json({"cohort": board.name, "candidates": rows, "weak_points": weak})
            return
        for row in rows:
            console.print("\t".join(f"{k}={v}" for k, v in row.items()), markup=False)
        for w in board.weak_points:
            console.print(f"weak: {w.card_id}/{w.point_id} missing {w.missing}/{w.answers}")

    @app.command("assign")
    def assign(
        cohort: Annotated[str, typer.Argument(help="The cohort's name or id.")],
        mock: Annotated[str | None, typer.Option("--mock", help="A mock of this role.")] = None,
        kit: Annotated[str | None, typer.Option("--kit", help="A kit for this role.")] = None,
        cards: Annotated[str | None, typer.Option("--cards", help="Card ids, a,b,c.")] = None,
        problems: Annotated[
            str | None, typer.Option("--problems", help="Problem ids, a,b,c.")
        ] = None,
        due: Annotated[str | None, typer.Option("--due", help="Due date YYYY-MM-DD.")] = None,
        title: Annotated[str, typer.Option("--title", help="Shown to the candidates.")] = "",
        level: Annotated[str, typer.Option(help="junior, mid or senior.")] = "mid",
        minutes: Annotated[int, typer.Option(help="Length of the mock or kit (15-240).")] = 45,
        seed: Annotated[
            int | None, typer.Option(help="Fix the questions (default random).")
        ] = None,
        as_user: AsUser = None,
    ) -> None:
        """Set a cohort a mock, a kit, cards or problems (its coaches and admins)."""
        chosen = {
            k: v
            for k, v in (("mock", mock), ("kit", kit), ("cards", cards), ("problems", problems))
            if v is not None
        }
        if len(chosen) != 1:
            fail("give exactly one of --mock ROLE, --kit ROLE, --cards IDS or --problems IDS")
        [(kind, value)] = chosen.items()
        ws = _acting(as_user)
        if kind in ("mock", "kit"):
            options: dict[str, object] = {
                "role": value,
                "level": level,
                "minutes": minutes,
                "seed": seed,
            }
        else:
            options = {"ids": _ids(value)}
        made = _run(lambda: ws.assign(ws.cohort_id(cohort), kind, title=title, due=due, **options))
        console.print(f"assignment #{made} ({kind}) set for {cohort}")
