"""Markdown export: every card in both languages, one file per topic or per card."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mlinterview.content.loader import bundled_bank
from mlinterview.export.markdown import export_markdown


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "export", "markdown", *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_per_topic_files_hold_every_card_in_both_languages(tmp_path: Path) -> None:
    run = _cli("--out", str(tmp_path / "md"))
    assert run.returncode == 0, run.stderr
    bank = bundled_bank()
    topics = {card.topic.value for card in bank}
    for lang in ("en", "de"):
        files = {p.stem for p in (tmp_path / "md" / lang).glob("*.md")}
        assert files == topics
        for card in bank:
            text = (tmp_path / "md" / lang / f"{card.topic.value}.md").read_text()
            assert f"## {' '.join(card.question.get(lang).split())}" in text
            assert f"`{card.id}`" in text
            assert " ".join(card.key_points[-1].text(lang).split()) in text
    readme = (tmp_path / "md" / "README.md").read_text()
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert len(links) == 2 * len(topics)
    assert all((tmp_path / "md" / link).is_file() for link in links)


def test_per_card_layout_and_deterministic_output(tmp_path: Path) -> None:
    bank = bundled_bank()
    first = export_markdown(tmp_path / "a", "card")
    second = export_markdown(tmp_path / "b", "card")
    assert len(first) == 2 * len(bank) + 1
    for a, b in zip(sorted(first), sorted(second), strict=True):
        assert a.relative_to(tmp_path / "a") == b.relative_to(tmp_path / "b")
        assert a.read_bytes() == b.read_bytes()
    card = next(iter(bank))
    german = (tmp_path / "a" / "de" / card.topic.value / f"{card.id}.md").read_text()
    assert german.startswith(f"# {' '.join(card.question.de.split())}")
    assert "## Kernpunkte" in german and "## Häufige Irrtümer" in german


def test_markdown_export_into_a_file_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    run = _cli("--out", str(target))
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0, run.stderr
    assert "needs a directory" in run.stderr
    bad = _cli("--out", str(tmp_path / "x"), "--per", "chapter")
    assert bad.returncode == 1 and "unknown layout 'chapter'" in bad.stderr
