"""The parsed-YAML cache speeds up start-up but never serves an edited or broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from mlinterview.content.loader import ParseCache, default_bank_dir, load_bank


@pytest.fixture
def bank_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "bank"
    shutil.copytree(default_bank_dir() / "questions", target / "questions")
    return target


def test_cache_is_written_and_reused(bank_copy: Path) -> None:
    fresh = load_bank(bank_copy, use_cache=True)
    cache = ParseCache(bank_copy / "questions")
    assert cache.path.exists()
    assert len(cache.entries) == len(fresh)
    again = load_bank(bank_copy, use_cache=True)
    assert again.cards == fresh.cards


def test_an_edited_file_is_parsed_again(bank_copy: Path) -> None:
    load_bank(bank_copy, use_cache=True)
    card_file = sorted((bank_copy / "questions").rglob("*.yaml"))[0]
    data = yaml.safe_load(card_file.read_text(encoding="utf-8"))
    data["question"]["en"] = "An edited question that is long enough to differ in size?"
    card_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    bank = load_bank(bank_copy, use_cache=True)
    assert bank.cards[data["id"]].question.en.startswith("An edited question")
    card_file.write_text("id: [broken\n", encoding="utf-8")
    broken = load_bank(bank_copy, use_cache=True)
    assert data["id"] not in broken.cards
    assert any("invalid YAML" in str(issue) for issue in broken.issues)


def test_a_corrupt_cache_file_is_ignored(bank_copy: Path) -> None:
    load_bank(bank_copy, use_cache=True)
    cache_path = ParseCache(bank_copy / "questions").path
    cache_path.write_bytes(b"\x00not json")
    assert len(load_bank(bank_copy, use_cache=True)) == len(load_bank(bank_copy))
