"""A broken bank must give one line per problem, `file: field: what is wrong`, never a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mlinterview.content.check import check_bank
from mlinterview.content.loader import default_bank_dir, load_bank

LINE = re.compile(r"^[^:\n]+\.ya?ml: [^:\n]+: .+$")


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped bank's questions (problems stay where they are)."""
    target = tmp_path / "bank"
    shutil.copytree(default_bank_dir() / "questions", target / "questions")
    return target


def _one_card(bank: Path) -> Path:
    return sorted((bank / "questions").rglob("*.yaml"))[0]


def _run_check(bank: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "bank", "check", "--bank-dir", str(bank)],
        capture_output=True,
        text=True,
        timeout=600,
    )


def _lines_about(result: subprocess.CompletedProcess[str], path_part: str) -> list[str]:
    assert "Traceback" not in result.stderr + result.stdout
    return [line for line in result.stdout.splitlines() if path_part in line]


def test_shipped_questions_load_without_issues() -> None:
    bank = load_bank()
    assert len(bank) >= 40
    assert bank.issues == ()


def test_corrupted_yaml_is_one_line(bank_copy: Path) -> None:
    card = _one_card(bank_copy)
    card.write_text("id: [unclosed\n  question: {en: 'x'\n", encoding="utf-8")
    issues = [str(i) for i in check_bank(bank_copy, run_hooks=False)]
    mine = [line for line in issues if card.name in line]
    assert len(mine) == 1
    assert LINE.match(mine[0])
    assert "invalid YAML" in mine[0]


def test_binary_junk_is_one_line(bank_copy: Path) -> None:
    card = _one_card(bank_copy)
    card.write_bytes(b"\xff\xfe\x00garbage\x80")
    mine = [str(i) for i in check_bank(bank_copy, run_hooks=False) if card.name in i.file]
    assert mine == [f"questions/{card.parent.name}/{card.name}: (file): not valid UTF-8 text"]


def test_missing_field_names_the_field(bank_copy: Path) -> None:
    card = _one_card(bank_copy)
    data = yaml.safe_load(card.read_text(encoding="utf-8"))
    del data["answer"]["de"]
    del data["follow_ups"]
    card.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    mine = sorted(str(i) for i in check_bank(bank_copy, run_hooks=False) if card.name in i.file)
    assert any(line.endswith(": answer.de: missing required field") for line in mine)
    assert any(line.endswith(": follow_ups: missing required field") for line in mine)
    assert all(LINE.match(line) for line in mine)


def test_duplicate_id_points_at_both_files(bank_copy: Path) -> None:
    card = _one_card(bank_copy)
    clone = card.with_name("zz-duplicate.yaml")
    clone.write_text(card.read_text(encoding="utf-8"), encoding="utf-8")
    issues = [str(i) for i in check_bank(bank_copy, run_hooks=False)]
    duplicate = [line for line in issues if "duplicate id" in line]
    assert len(duplicate) == 1
    assert "zz-duplicate.yaml: id:" in duplicate[0]
    assert card.name in duplicate[0]


def test_unknown_topic_lists_the_allowed_ones(bank_copy: Path) -> None:
    card = _one_card(bank_copy)
    data = yaml.safe_load(card.read_text(encoding="utf-8"))
    data["topic"] = "astrology"
    card.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    mine = [str(i) for i in check_bank(bank_copy, run_hooks=False) if card.name in i.file]
    assert len(mine) == 1
    assert ": topic: " in mine[0]
    assert "'classical-ml'" in mine[0] and "'career'" in mine[0]


def test_cli_reports_every_broken_file_and_exits_non_zero(bank_copy: Path) -> None:
    first, second = sorted((bank_copy / "questions").rglob("*.yaml"))[:2]
    first.write_text(": : :\n", encoding="utf-8")
    data = yaml.safe_load(second.read_text(encoding="utf-8"))
    data["roles"] = ["wizard"]
    second.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = _run_check(bank_copy)
    assert result.returncode == 1
    assert _lines_about(result, first.name) and _lines_about(result, second.name)
    for line in _lines_about(result, ".yaml"):
        assert LINE.match(line), line


def test_cli_rejects_a_folder_that_is_not_a_bank(tmp_path: Path) -> None:
    result = _run_check(tmp_path)
    assert result.returncode == 1
    assert "no questions/ folder" in result.stderr
    assert "Traceback" not in result.stderr
