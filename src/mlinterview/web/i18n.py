"""The web app's interface strings (kept in ``mlinterview.translations``, the one home of all
interface text); card texts come from the bank itself."""

from __future__ import annotations

from mlinterview.translations import WEB as STRINGS


def translator(lang: str) -> dict[str, str]:
    return STRINGS["de" if lang == "de" else "en"]
