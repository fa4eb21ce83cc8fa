"""Anki export: stable ids across exports, both languages, a real SQLite collection inside."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.content.schema import Text
from mlinterview.export import ExportError
from mlinterview.export.anki import DECK_NAMES, MODEL_ID, export_anki, note_guid, stable_id


def _notes(apkg: Path, workdir: Path) -> list[tuple[int, str, int, str, str]]:
    """(id, guid, model id, fields, tags) for every note in the package's collection."""
    with zipfile.ZipFile(apkg) as archive:
        assert "collection.anki2" in archive.namelist()
        target = workdir / f"{apkg.stem}.anki2"
        target.write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(target) as connection:
        return sorted(connection.execute("SELECT id, guid, mid, flds, tags FROM notes"))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "export", *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_exporting_twice_gives_the_same_note_ids_in_both_languages(tmp_path: Path) -> None:
    bank = bundled_bank()
    first = tmp_path / "first.apkg"
    run = _cli("anki", "--lang", "both", "--out", str(first))
    assert run.returncode == 0, run.stderr
    assert f"{len(bank)} notes (en), {len(bank)} notes (de)" in run.stdout
    second = tmp_path / "second.apkg"
    third = tmp_path / "third.apkg"
    export_anki(second, "both", bank=bank, timestamp=1_800_000_000.0)
    export_anki(third, "both", bank=bank, timestamp=1_900_000_000.0)  # later, other clock
    notes_a = _notes(first, tmp_path)
    notes_b = _notes(second, tmp_path)
    notes_c = _notes(third, tmp_path)
    assert len(notes_a) == 2 * len(bank)
    assert [(n[0], n[1]) for n in notes_a] == [(n[0], n[1]) for n in notes_b]
    assert [(n[0], n[1], n[3]) for n in notes_b] == [(n[0], n[1], n[3]) for n in notes_c]
    assert {n[2] for n in notes_a} == {MODEL_ID}
    # every card is there once per language, under its derived guid and id
    expected = {
        (stable_id("note", card.id, lang), note_guid(card.id, lang))
        for card in bank
        for lang in ("en", "de")
    }
    assert {(n[0], n[1]) for n in notes_a} == expected
    per_lang = {lang: sum(f" lang::{lang} " in n[4] for n in notes_a) for lang in ("en", "de")}
    assert per_lang == {"en": len(bank), "de": len(bank)}
    some = bank.get("model-drift") or next(iter(bank))
    fields = {n[1]: n[3].split("\x1f") for n in notes_a}
    assert some.question.de.split()[0] in fields[note_guid(some.id, "de")][0]
    assert fields[note_guid(some.id, "en")][7] == some.id


def test_decks_and_cards_are_stable_and_separate_per_language(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    export_anki(out, "both")
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as connection:
        decks = {row[0] for row in connection.execute("SELECT DISTINCT did FROM cards")}
        card_ids = [row[0] for row in connection.execute("SELECT id FROM cards")]
        decks_json = connection.execute("SELECT decks FROM col").fetchone()[0]
    assert decks == {stable_id("deck", "en"), stable_id("deck", "de")}
    assert len(card_ids) == len(set(card_ids)) == 2 * len(bundled_bank())
    for name in DECK_NAMES.values():
        assert name in decks_json


def test_an_updated_card_keeps_its_note_identity(tmp_path: Path) -> None:
    """Re-importing an edited deck must update the note, so guid and id stay put."""
    bank = bundled_bank()
    card = next(iter(bank))
    edited = card.model_copy(update={"question": Text(en="An edited question?", de="Geändert?")})
    cards = dict(bank.cards)
    cards[card.id] = edited
    export_anki(tmp_path / "old.apkg", "en", bank=bank)
    export_anki(tmp_path / "new.apkg", "en", bank=Bank(cards=cards))
    old = {n[1]: n for n in _notes(tmp_path / "old.apkg", tmp_path)}
    new = {n[1]: n for n in _notes(tmp_path / "new.apkg", tmp_path)}
    assert old.keys() == new.keys() and len(new) == len(bank)
    guid = note_guid(card.id, "en")
    assert old[guid][0] == new[guid][0]
    assert "An edited question?" in new[guid][3] and "An edited question?" not in old[guid][3]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "deck.zip"], "must end in .apkg"),
        (["--lang", "fr", "--out", "deck.apkg"], "unknown language 'fr'"),
    ],
)
def test_bad_anki_arguments_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("deck") else a for a in args]
    run = _cli("anki", *args)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0, run.stderr
    assert message in run.stderr


def test_unwritable_deck_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = _cli("anki", "--out", str(blocker / "deck.apkg"))
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0, run.stderr
    assert "cannot write" in run.stderr and "Traceback" not in run.stderr
    with pytest.raises(ExportError):
        export_anki(tmp_path, "en")
