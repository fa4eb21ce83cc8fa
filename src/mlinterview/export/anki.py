"""The bank as an Anki deck (.apkg) with ids that never change between exports.

Anki recognises a note it already has by its guid, and genanki would otherwise number
notes and cards from the clock. Model, deck, note and card ids and the guids are all
derived from our card ids (and the language), so importing a newer export updates the
notes in place instead of duplicating them. Only the modification time comes from the
clock: Anki applies an imported note only when it is newer than the one it holds.
"""

from __future__ import annotations

import hashlib
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.content.schema import Card
from mlinterview.export import ExportError
from mlinterview.export.cards import HEADINGS, flat

DECK_NAMES: dict[str, str] = {"en": "ML Interview::English", "de": "ML Interview::Deutsch"}
MODEL_NAME = "mlinterview card v1"
LANG_CHOICES: dict[str, tuple[str, ...]] = {"en": ("en",), "de": ("de",), "both": ("en", "de")}

# Note ids look like creation times in ms to Anki ("Added" column); keep them in
# 2017-2029 so the dates are plausible, while the value itself comes from a hash.
_ID_BASE = 1_500_000_000_000
_ID_SPAN = 400_000_000_000


def stable_id(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(("mlinterview", *parts)).encode("utf-8")).digest()
    return _ID_BASE + int.from_bytes(digest[:8], "big") % _ID_SPAN


def note_guid(card_id: str, lang: str) -> str:
    import genanki

    return str(genanki.guid_for("mlinterview", card_id, lang))


MODEL_ID = stable_id("model", "v1")

FIELDS: tuple[str, ...] = (
    "Question",
    "Answer",
    "KeyPoints",
    "Misconceptions",
    "FollowUps",
    "Topic",
    "Difficulty",
    "CardId",
    "Lang",
)

_CSS = """
.card { font-family: sans-serif; font-size: 18px; text-align: left; color: #1d1d1f;
  background: #fff; max-width: 40em; margin: 0 auto; line-height: 1.45; }
.meta { color: #666; font-size: 13px; }
h3 { font-size: 16px; margin: 1em 0 .3em; }
pre, code { font-family: monospace; font-size: 15px; }
.wrong { color: #8a1c1c; }
"""

_FRONT = '<div class="meta">{{Topic}} · {{Difficulty}}</div>\n{{Question}}'
_BACK = (
    "{{FrontSide}}\n<hr id=answer>\n{{Answer}}\n"
    "{{#KeyPoints}}<h3>✓</h3>{{KeyPoints}}{{/KeyPoints}}\n"
    '{{#Misconceptions}}<h3 class="wrong">✗</h3>{{Misconceptions}}{{/Misconceptions}}\n'
    "{{#FollowUps}}<h3>?</h3>{{FollowUps}}{{/FollowUps}}\n"
    '<div class="meta">{{CardId}} ({{Lang}})</div>'
)


def _model() -> Any:
    import genanki

    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question → Answer", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
        sort_field_index=FIELDS.index("CardId"),
    )


def _html(markdown: str) -> str:
    from mlinterview.render import md_to_html

    return str(md_to_html(markdown)).strip()


def _list_html(items: Iterable[str]) -> str:
    from mlinterview.render import md_inline

    return "<ul>" + "".join(f"<li>{md_inline(flat(item))}</li>" for item in items) + "</ul>"


def note_fields(card: Card, lang: str) -> list[str]:
    """The note's fields as HTML (Markdown rendered with raw HTML escaped)."""
    word = HEADINGS[lang]["correct"]
    return [
        _html(card.question.get(lang)),
        _html(card.answer.get(lang)),
        _list_html(point.text(lang) for point in card.key_points),
        _list_html(
            f"{m.claim.get(lang)} → {word}: {m.correction.get(lang)}" for m in card.misconceptions
        ),
        _list_html(f.get(lang) for f in card.follow_ups),
        card.topic.value,
        card.difficulty.value,
        card.id,
        lang,
    ]


def _note_class() -> type:
    import genanki

    class StableNote(genanki.Note):
        """A note whose note id and card ids are fixed in advance instead of clock-based."""

        stable_note_id: int = 0

        def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
            ids = iter([self.stable_note_id, *(self.stable_note_id + i for i in range(8))])
            super().write_to_db(cursor, timestamp, deck_id, ids)

    return StableNote


def build_package(
    langs: Sequence[str] = ("en", "de"), *, bank: Bank | None = None
) -> tuple[Any, dict[str, int]]:
    """A genanki Package with one deck per language, and the note count per language."""
    import genanki

    bank = bank if bank is not None else bundled_bank()
    model = _model()
    note_class = _note_class()
    decks = []
    counts: dict[str, int] = {}
    used_ids: dict[int, str] = {}
    for lang in langs:
        deck = genanki.Deck(stable_id("deck", lang), DECK_NAMES[lang])
        for card in bank:
            note = note_class(
                model=model,
                fields=note_fields(card, lang),
                guid=note_guid(card.id, lang),
                tags=[
                    "mlinterview",
                    f"topic::{card.topic.value}",
                    f"difficulty::{card.difficulty.value}",
                    f"lang::{lang}",
                    *(f"role::{role.value}" for role in card.roles),
                ],
            )
            note.stable_note_id = stable_id("note", card.id, lang)
            owner = used_ids.setdefault(note.stable_note_id, f"{card.id}/{lang}")
            if owner != f"{card.id}/{lang}":  # pragma: no cover - a 1-in-10^9 event
                raise ExportError(f"note id clash between {owner} and {card.id}/{lang}")
            deck.add_note(note)
        counts[lang] = len(deck.notes)
        decks.append(deck)
    return genanki.Package(decks), counts


def export_anki(
    out: Path, lang: str = "both", *, bank: Bank | None = None, timestamp: float | None = None
) -> dict[str, int]:
    """Write the deck to ``out`` (.apkg); returns the number of notes per language."""
    if lang not in LANG_CHOICES:
        raise ExportError(f"unknown language {lang!r}; use en, de or both")
    if out.suffix != ".apkg":
        raise ExportError(f"the output file must end in .apkg, got {str(out)!r}")
    if out.is_dir():
        raise ExportError(f"{out} is a directory; give a file name ending in .apkg")
    package, counts = build_package(LANG_CHOICES[lang], bank=bank)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # genanki warns about tags it does not know
            package.write_to_file(str(out), timestamp=timestamp or time.time())
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return counts
