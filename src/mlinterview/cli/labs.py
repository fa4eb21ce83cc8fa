"""Lab commands: ``labs`` lists them, ``lab ID`` runs one and prints what it measured."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlinterview.cli.common import LangOption, console, fail, print_json, workspace


def register(app: typer.Typer) -> None:
    @app.command("labs")
    def labs_list(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        lang: LangOption = "en",
    ) -> None:
        """List the runnable labs and the claim each one measures."""
        labs = workspace().labs()
        if as_json:
            print_json(
                [
                    {
                        "id": lab.id,
                        "title": lab.title.get(lang),
                        "claim": lab.claim.get(lang),
                        "cards": list(lab.cards),
                        "needs_torch": lab.needs_torch,
                        "params": [
                            {
                                "name": p.name,
                                "kind": p.kind,
                                "default": p.default,
                                "allowed": p.allowed(),
                            }
                            for p in lab.all_params
                        ],
                    }
                    for lab in labs
                ]
            )
            return
        from rich.table import Table

        table = Table("id", "title", "parameters", box=None, pad_edge=False)
        for lab in labs:
            names = ", ".join(p.name for p in lab.all_params)
            title = lab.title.get(lang) + (" [torch]" if lab.needs_torch else "")
            table.add_row(lab.id, title, names)
        console.print(table)

    @app.command("lab")
    def lab_run(
        lab_id: Annotated[str, typer.Argument(metavar="ID", help="Lab id (see `labs`).")],
        assignments: Annotated[
            list[str] | None,
            typer.Option("--set", help="Parameter as name=value; repeatable."),
        ] = None,
        lang: LangOption = "en",
        out: Annotated[
            Path | None, typer.Option("--out", help="Write figures (PNG and SVG) here.")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Run one lab: its claim, the measured numbers and the verdict."""
        from mlinterview.labs.base import (
            LabNotFoundError,
            LabParameterError,
            LabUnavailableError,
        )
        from mlinterview.labs.registry import parse_overrides

        try:
            overrides = parse_overrides(assignments or [])
            result = workspace().run_lab(lab_id, overrides, render=out is not None, lang=lang)
        except (LabNotFoundError, LabParameterError, LabUnavailableError) as exc:
            fail(str(exc.args[0]) if exc.args else str(exc))
        written: list[Path] = []
        if out is not None:
            from mlinterview.labs.plotting import write_figures

            try:
                written = write_figures(result.figures, out, result.lab_id)
            except OSError as exc:
                fail(f"cannot write figures to {out}: {exc.strerror or exc}")
        if as_json:
            data = result.to_dict()
            data["claim"] = result.claim.get(lang)
            if written:
                data["figures"] = [str(p) for p in written]
            print_json(data)
            return
        _print_result(result, lang, written)


def _print_result(result: object, lang: str, written: list[Path]) -> None:
    from rich.table import Table as RichTable

    from mlinterview.labs.base import LabResult

    assert isinstance(result, LabResult)
    de = lang == "de"
    console.print(f"[bold]{result.lab_id}[/]  ({result.seconds:.1f} s)")
    console.print(("Behauptung: " if de else "Claim: ") + result.claim.get(lang))
    settings = ", ".join(f"{k}={v}" for k, v in result.params.items())
    console.print(("Parameter: " if de else "Parameters: ") + settings)
    for table in result.tables:
        from mlinterview.labs.columns import column_name

        columns = [column_name(c, lang) for c in table.columns]
        rich_table = RichTable(*columns, title=table.title.get(lang), title_justify="left")
        for row in table.rows:
            rich_table.add_row(*(_cell(v) for v in row))
        console.print(rich_table)
    metrics = RichTable(
        "metric", "value", title="Messwerte" if de else "Metrics", title_justify="left"
    )
    for key, value in result.metrics.items():
        metrics.add_row(key, _cell(value))
    console.print(metrics)
    console.print(result.explanation.get(lang))
    verdict: str = result.verdict
    if de:
        verdict = "bestätigt" if result.supported else "nicht bestätigt"
    colour = "green" if result.supported else "yellow"
    console.print(f"[bold]{'Urteil' if de else 'Verdict'}:[/] [{colour}]{verdict}[/]")
    for path in written:
        console.print(("Abbildung: " if de else "Figure: ") + str(path))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)
