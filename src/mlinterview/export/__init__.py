"""Exports of the bank to other tools: Anki decks and plain Markdown files."""

from __future__ import annotations


class ExportError(RuntimeError):
    """An export that cannot be written; the message is one line naming the fix."""
