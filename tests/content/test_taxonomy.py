"""The bank's subjects and the article's sections: a candidate filters by subject, the
article view reads as the article does, and stored progress survives the move (ids stay)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mlinterview.cli import app as cli_app
from mlinterview.content.loader import bundled_bank, default_bank_dir
from mlinterview.store.db import Store
from mlinterview.vocabulary import LABELS, Section, Source, Topic
from mlinterview.web.app import create_app
from mlinterview.workspace import Workspace

runner = CliRunner()


def test_every_subject_has_cards_and_a_german_label() -> None:
    bank = bundled_bank()
    for topic in Topic:
        assert bank.filter(topic=topic.value), f"no card in subject {topic.value}"
        english, german = LABELS[topic.value]
        assert english and german and german != topic.value


def test_no_subject_is_named_after_an_article_section_that_is_not_a_subject() -> None:
    subjects = {t.value for t in Topic}
    assert not {"basics", "technical", "faang", "faq"} & subjects
    for section in Section:
        assert section.value in LABELS


def test_a_cards_folder_is_its_subject() -> None:
    for path in sorted((default_bank_dir() / "questions").glob("*/*.yaml")):
        assert path.parent.name in {t.value for t in Topic}, path


def test_article_cards_and_only_they_keep_their_section() -> None:
    cards = list(bundled_bank().cards.values())
    article = [c for c in cards if c.source is Source.ARTICLE]
    assert len(article) == 40
    assert all(c.section is not None for c in article)
    assert all(c.section is None for c in cards if c.source is not Source.ARTICLE)
    sections = {c.section for c in article}
    assert sections == set(Section)
    by_section = {s: sorted(c.id for c in article if c.section is s) for s in Section}
    assert "roc-auc" in by_section[Section.FAANG]
    assert "overfitting" in by_section[Section.BASICS]
    assert "feature-scaling" in by_section[Section.TECHNICAL]


def test_stored_progress_keeps_working_after_a_card_changed_subject(sqlite_url: str) -> None:
    ws = Workspace(sqlite_url)
    moved = ws.card("roc-auc")  # was filed under the article's 'faang' section
    assert moved.topic is Topic.EVALUATION and moved.section is Section.FAANG
    ws.record_rating("roc-auc", 3, lang="en", answer="TPR against FPR over all thresholds.")
    again = Workspace(sqlite_url)
    assert "roc-auc" not in {c.id for c in again.next_cards(limit=500)}


def test_cli_and_web_filter_by_subject_and_by_section(sqlite_url: str) -> None:
    env = {"MLINTERVIEW_DATABASE_URL": sqlite_url, "COLUMNS": "200"}
    listed = runner.invoke(cli_app, ["list", "--section", "faang", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    assert '"roc-auc"' in listed.output and '"self-attention"' not in listed.output
    bad = runner.invoke(cli_app, ["list", "--section", "basic"], env=env)
    assert bad.exit_code != 0 and "choose one of" in bad.output

    client = TestClient(create_app(Store(sqlite_url)))
    page = client.get("/questions", params={"topic": "statistics", "lang": "de"})
    assert page.status_code == 200
    assert "bootstrap" in page.text and "roc-auc" not in page.text
    article = client.get("/questions", params={"section": "faang"})
    assert "roc-auc" in article.text and 'bootstrap"' not in article.text
