"""Wall time of `mlinterview list` as a ratio to `python -c pass`, measured in one run,
on the shipped bank and on a synthetic bank three times its size.

The synthetic bank copies every card file three times under new ids, so the listing
has three times the rows and the index three times the entries. A trivial Typer app
with two options is measured too: it is the floor any Typer CLI pays (Typer 0.21+ builds
its parameters with pydantic at run time, about 2.5x this floor; pyproject pins below it).

Usage: python benchmarks/cli_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlinterview.content.paths import default_bank_dir

TRIVIAL_TYPER = """
from typing import Annotated
import typer
app = typer.Typer()
@app.command()
def listing(topic: Annotated[str | None, typer.Option()] = None,
            as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    print(topic, as_json)
@app.command()
def other() -> None:
    pass
app()
"""


def _median_seconds(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    subprocess.run(command, capture_output=True, check=True, env=env)  # warm caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def synthetic_bank(target: Path, copies: int = 3) -> int:
    """A bank with every card ``copies`` times (new ids, same content); returns its size."""
    source = default_bank_dir() / "questions"
    count = 0
    for path in sorted(source.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        for copy in range(copies):
            new_id = f"{path.stem}-{copy}" if copy else path.stem
            folder = target / "questions" / path.parent.name
            folder.mkdir(parents=True, exist_ok=True)
            body = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
            (folder / f"{new_id}.yaml").write_text(body, encoding="utf-8")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = shutil.which("mlinterview") or ""
    cli = [script, "list"] if script else [sys.executable, "-m", "mlinterview.cli", "list"]
    baseline = _median_seconds([sys.executable, "-c", "pass"], args.runs)
    rows = [("python -c pass", baseline)]
    with tempfile.TemporaryDirectory() as scratch:
        trivial = Path(scratch) / "trivial.py"
        trivial.write_text(TRIVIAL_TYPER)
        floor = _median_seconds([sys.executable, str(trivial), "listing", "--json"], args.runs)
        rows.append(("trivial Typer app", floor))
        rows.append(("mlinterview list", _median_seconds(cli, args.runs)))
        rows.append(("mlinterview list --json", _median_seconds([*cli, "--json"], args.runs)))
        size = synthetic_bank(Path(scratch) / "bank")
        env = {**os.environ, "MLINTERVIEW_BANK_DIR": str(Path(scratch) / "bank")}
        rows.append((f"list, 3x bank ({size})", _median_seconds(cli, args.runs, env)))
    for name, seconds in rows:
        print(f"{name:26} {seconds * 1000:8.1f} ms   {seconds / baseline:5.2f}x")
    worst = max(seconds for name, seconds in rows[2:]) / baseline
    print(f"target <= 15x python -c pass: {'met' if worst <= 15 else 'NOT met'} ({worst:.1f}x)")


if __name__ == "__main__":
    main()
