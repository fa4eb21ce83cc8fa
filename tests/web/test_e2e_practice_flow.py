"""Practice as Anki users expect it (issue 20): intervals on the rating buttons, the
reference folded away, misconceptions and follow-ups, the sentence behind each point,
skip and undo, cards left. Chromium against a real server and store."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_feedback_page_and_session_controls(server: str, page: Any, screenshot: Any) -> None:
    page.goto(server + "/practice?topic=classical-ml")
    counts = page.inner_text("#session-counts")
    due, new = int(counts.split()[0]), int(counts.split("·")[1].split()[0])
    assert due == 0 and new > 0
    first = page.get_attribute("#practice-card", "data-card")
    page.click("#skip")
    second = page.get_attribute("#practice-card", "data-card")
    assert second != first
    page.fill("#answer", "The model memorises noise. Regularisation and more data reduce variance.")
    page.click("#check")
    page.wait_for_selector("#rate-form")
    intervals = page.locator("#rate-form .interval").all_inner_texts()
    assert len(intervals) == 4 and all(text.strip() for text in intervals)
    assert intervals[0] != intervals[3]  # "again" comes back sooner than "easy"
    assert page.locator("#reference").get_attribute("open") is None  # folded away
    assert page.locator("#misconceptions li").count() >= 2
    assert page.locator("#follow-ups li").count() >= 2
    screenshot(page, "practice-feedback")
    # the rating buttons sit above the reference answer
    order = page.evaluate("[...document.querySelectorAll('#rate-form, #reference')].map(e => e.id)")
    assert order == ["rate-form", "reference"]
    page.click("#rate-3")
    page.wait_for_selector("#saved")
    assert second in page.inner_text("#saved")
    page.click("#undo")
    page.wait_for_selector("#undone")
    assert second in page.inner_text("#undone")
    counts = page.inner_text("#session-counts")
    assert int(counts.split("·")[1].split()[0]) == new  # the card is new again


def test_each_covered_point_shows_the_sentence_that_earned_it(server: str, page: Any) -> None:
    page.goto(server + "/practice")
    card_id = page.get_attribute("#practice-card", "data-card")
    page.goto(f"{server}/questions/{card_id}")
    points = page.locator("#key-points li").all_inner_texts()
    page.goto(server + "/practice")
    assert page.get_attribute("#practice-card", "data-card") == card_id
    page.fill("#answer", f"Filler first. {points[0]} Nothing else.")
    page.click("#check")
    page.wait_for_selector("#rate-form")
    first = page.locator("#point-feedback li").first
    assert first.get_attribute("class") in ("covered", "partly")
    assert points[0][:20] in first.locator("blockquote.evidence").inner_text()
