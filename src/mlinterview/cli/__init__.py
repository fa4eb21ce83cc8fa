"""The ``mlinterview`` command: a thin Typer adapter over the core packages.

Each feature registers its commands from its own module so the adapters stay small and
no command module imports heavy libraries at start-up.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="mlinterview",
    help="Practise machine-learning interviews offline, in German or English.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules under mlinterview.cli that define ``register(app)``; order is the help order.
COMMAND_MODULES: tuple[str, ...] = (
    "bank",
    "practice",
    "web",
    "labs",
    "interviews",
    "export",
    "problems",
    "grading",
    "users",
    "worker",
    "cohorts",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"mlinterview.cli.{_name}").register(app)


def main() -> None:
    app()
