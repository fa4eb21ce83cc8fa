"""Where the bank lives (the installed one unless a folder is given)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_bank_dir() -> Path:
    return Path(str(resources.files("mlinterview").joinpath("bank")))


def questions_dir(bank_dir: Path | None = None) -> Path:
    return (bank_dir or default_bank_dir()) / "questions"
