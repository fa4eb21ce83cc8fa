"""End to end in Chromium: practice, dashboard, language, search, keyboard and labels."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

UNLABELLED = """
() => Array.from(document.querySelectorAll('input, select, textarea, button'))
  .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
  .filter(el => {
    if (el.tagName === 'BUTTON') return !(el.textContent.trim() || el.getAttribute('aria-label'));
    if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
    return !(el.labels && el.labels.length > 0);
  })
  .map(el => el.outerHTML.slice(0, 120))
"""


def test_practise_a_card_and_see_it_on_the_dashboard(
    server: str, page: Any, screenshot: Any
) -> None:
    page.goto(server + "/")
    assert page.inner_text("#reviews-today") == "0"
    screenshot(page, "dashboard-empty")
    page.click("text=Start practising")
    card_id = page.get_attribute("#practice-card", "data-card")
    page.fill("#answer", "Overfitting means the model fits noise; use regularisation.")
    screenshot(page, "practice-question")
    page.click("#check")
    page.wait_for_selector("#rate-form")
    assert page.is_visible("text=Reference answer")
    screenshot(page, "practice-reveal")
    page.click("#rate-3")
    page.wait_for_selector("#saved")
    assert card_id in page.inner_text("#saved")
    next_card = page.get_attribute("#practice-card", "data-card")
    assert next_card != card_id
    page.goto(server + "/")
    assert page.inner_text("#reviews-today") == "1"
    screenshot(page, "dashboard")
    seen = page.locator("tr[data-topic] td.seen").all_inner_texts()
    assert sum(int(text.split("/")[0]) for text in seen) == 1


def test_keyboard_only_practice(server: str, page: Any) -> None:
    page.goto(server + "/practice")
    first = page.get_attribute("#practice-card", "data-card")
    # The answer box has focus on load; typing then Enter submits the answer.
    page.keyboard.type("A short answer")
    page.keyboard.press("Enter")
    page.wait_for_selector("#rate-form")
    page.keyboard.press("2")
    page.wait_for_selector("#saved")
    assert first in page.inner_text("#saved")
    # Tab order: from the top of the page, Tab reaches the answer box before the button.
    page.goto(server + "/practice")
    # focus starts in the answer (autofocus is applied just after load)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'answer'")
    page.focus("a.brand")  # start keyboard navigation from the top of the page
    order = []
    for _ in range(20):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert "answer" in order and "check" in order
    assert order.index("lang-select") < order.index("f-topic") < order.index("answer")
    assert order.index("answer") + 1 == order.index("check")


@pytest.mark.parametrize("path", ["/", "/practice", "/questions", "/questions/overfitting"])
def test_every_form_control_has_a_label(server: str, page: Any, path: str) -> None:
    page.goto(server + path)
    assert page.evaluate(UNLABELLED) == []


def test_reveal_page_controls_are_labelled(server: str, page: Any) -> None:
    page.goto(server + "/practice")
    page.click("#check")
    page.wait_for_selector("#rate-form")
    assert page.evaluate(UNLABELLED) == []


def test_switch_language_persists(server: str, page: Any, screenshot: Any) -> None:
    page.goto(server + "/questions/overfitting")
    english = page.inner_text("h1.question")
    page.select_option("#lang-select", "de")
    page.click("form.lang button")
    page.wait_for_selector("text=Musterantwort")
    german = page.inner_text("h1.question")
    assert german != english
    screenshot(page, "question-de")
    page.goto(server + "/practice")  # a new page keeps the choice
    assert page.is_visible("text=Antwort prüfen")
    assert page.get_attribute("html", "lang") == "de"


def test_search_and_filter(server: str, page: Any, screenshot: Any) -> None:
    page.goto(server + "/questions")
    total = int(page.inner_text("#result-count").split()[0])
    page.fill("#q", "Lemmatisierung")
    page.click("form[role=search] button")
    page.wait_for_url("**/questions?q=*")
    ids = page.locator("li[data-card]").evaluate_all("els => els.map(e => e.dataset.card)")
    assert "stemming-vs-lemmatization" in ids
    assert 0 < len(ids) < total
    page.fill("#q", "")
    page.select_option("#f-role", "reinforcement-learning")
    page.click("form[role=search] button")
    page.wait_for_url("**role=reinforcement-learning*")
    ids = page.locator("li[data-card]").evaluate_all("els => els.map(e => e.dataset.card)")
    assert {"rl-loop", "on-policy-vs-off-policy"} <= set(ids)
    assert "confusion-matrix" not in ids
    screenshot(page, "questions")


def test_safety_pages(server: str) -> None:
    with httpx.Client(base_url=server) as client:
        missing = client.get("/questions/no-such-card")
        assert missing.status_code == 404 and "404" in missing.text
        forged = client.post("/practice/overfitting/rate", data={"rating": "3"})
        assert forged.status_code == 403
        page = client.get("/practice")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        big = client.post(
            "/practice/overfitting/answer", data={"csrf_token": token, "answer": "x" * 400_000}
        )
        assert big.status_code == 413 and "256 KB" in big.text
        bad_filter = client.get("/questions?topic=astrology")
        assert bad_filter.status_code == 400
