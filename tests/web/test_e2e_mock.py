"""A mock interview in the browser: start, a timed question, answer, end early, report."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_mock_interview_in_the_browser(server: str, page: Any, screenshot: Any) -> None:
    page.goto(server + "/mock")
    page.select_option("#m-role", "nlp")
    page.fill("#m-minutes", "30")
    page.click("#start-mock")
    page.wait_for_selector("#mock-question")
    assert page.get_attribute("#mock-question", "data-kind") == "problem"  # coding first
    first_timer = page.inner_text("#timer")
    page.wait_for_timeout(1500)
    assert page.inner_text("#timer") != first_timer  # the visible timer runs
    screenshot(page, "mock-question")
    # The coding question has the problem page's editor, with the starter code in it.
    assert page.is_visible(".CodeMirror")
    assert "def " in page.evaluate("window.mlEditor.getValue()")
    page.evaluate("c => window.mlEditor.setValue(c)", "def nothing():\n    pass\n")
    page.click("#mock-submit")
    page.wait_for_selector("#mock-question[data-kind='card']")
    question = page.inner_text("#mock-question h1")
    assert page.inner_text("#mock-question").count(question) == 1  # shown once, not twice
    page.fill("#mock-text", "Tokenisation, then a lemmatiser maps words to dictionary forms.")
    page.click("#mock-submit")
    page.wait_for_selector("#mock-question")
    assert page.inner_text("#mock-progress").startswith("Question 3 of ")
    # Reloading keeps the clock: the server times the question, not the page.
    page.wait_for_timeout(2200)
    page.reload()
    spent = int(page.get_attribute("#timer", "data-spent") or 0)
    assert spent >= 2
    # "End now" asks first; dismissing keeps the interview going.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#mock-finish")
    page.wait_for_timeout(300)
    assert page.is_visible("#mock-question")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#mock-finish")
    page.wait_for_selector("#mock-report")
    body = page.inner_text("body")
    assert "nlp" in body.lower()
    assert "%" in body
    assert page.is_visible("nav[aria-label=main]") and page.is_visible("#back-to-mocks")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1  # no 980 px page on any screen
    screenshot(page, "mock-report")
    page.goto(server + "/mock")
    assert page.locator("#past-mocks tbody tr").count() == 1
    page.goto(server + "/practice")  # the weak answer's card was queued at the front
    assert page.get_attribute("#practice-card", "data-card")


def test_mock_rejects_too_few_minutes(server: str, page: Any) -> None:
    page.goto(server + "/mock")
    page.evaluate("document.getElementById('m-minutes').removeAttribute('min')")
    page.fill("#m-minutes", "5")
    page.click("#start-mock")
    page.wait_for_selector("#mock-error")
    assert "15" in page.inner_text("#mock-error")
