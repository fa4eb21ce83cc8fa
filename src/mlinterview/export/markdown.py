"""The bank as plain Markdown files, for reading on any device or in a git forge.

Layout: ``<out>/<lang>/<topic>.md`` (one file per topic) or
``<out>/<lang>/<topic>/<card-id>.md`` (one file per card), plus ``<out>/README.md``
linking every file. Output is deterministic, so exports can be diffed between versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.content.schema import Topic
from mlinterview.export import ExportError
from mlinterview.export.cards import card_markdown, flat

LAYOUTS: tuple[str, ...] = ("topic", "card")
LANG_NAMES: dict[str, str] = {"en": "English", "de": "Deutsch"}
TOPIC_WORD: dict[str, str] = {"en": "Topic", "de": "Thema"}


def render_markdown_files(
    layout: str = "topic", langs: Sequence[str] = ("en", "de"), *, bank: Bank | None = None
) -> dict[str, str]:
    """Relative path → file content, without touching the disk."""
    if layout not in LAYOUTS:
        raise ExportError(f"unknown layout {layout!r}; choose one of: {', '.join(LAYOUTS)}")
    bank = bank if bank is not None else bundled_bank()
    files: dict[str, str] = {}
    index = ["# ML interview questions", ""]
    for lang in langs:
        index += [f"## {LANG_NAMES[lang]}", ""]
        for topic in Topic:
            cards = [card for card in bank if card.topic == topic]
            if not cards:
                continue
            if layout == "topic":
                path = f"{lang}/{topic.value}.md"
                body = [f"# {TOPIC_WORD[lang]}: {topic.value}", ""]
                body += [card_markdown(card, lang, level=2) for card in cards]
                files[path] = "\n".join(body)
                index.append(f"- [{topic.value}]({path}) ({len(cards)})")
                continue
            index.append(f"- {topic.value}")
            for card in cards:
                path = f"{lang}/{topic.value}/{card.id}.md"
                files[path] = card_markdown(card, lang, level=1)
                index.append(f"  - [{flat(card.question.get(lang))}]({path})")
        index.append("")
    files["README.md"] = "\n".join(index)
    return files


def export_markdown(
    out: Path,
    layout: str = "topic",
    langs: Sequence[str] = ("en", "de"),
    *,
    bank: Bank | None = None,
) -> list[Path]:
    """Write the files under ``out`` (created if missing); returns the paths written."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; --out needs a directory")
    files = render_markdown_files(layout, langs, bank=bank)
    written = []
    try:
        for relative, content in files.items():
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            written.append(target)
    except OSError as exc:
        where = exc.filename or out
        raise ExportError(f"cannot write {where}: {exc.strerror or exc}") from exc
    return written
