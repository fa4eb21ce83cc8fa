"""Switching the language on a result page keeps the result (issue 20, bug 1), in Chromium."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _switch(page: Any, lang: str) -> None:
    page.select_option("#lang-select", lang)
    page.click("form.lang button[type=submit]")
    page.wait_for_load_state()


def test_feedback_verdict_and_lab_result_survive_a_language_switch(server: str, page: Any) -> None:
    page.goto(server + "/practice")
    answer = "Overfitting: the model learns noise; regularisation and more data help."
    page.fill("#answer", answer)
    page.click("#check")
    page.wait_for_selector("#rate-form")
    _switch(page, "de")
    assert "Method Not Allowed" not in page.content()
    assert page.get_attribute("html", "lang") == "de"
    assert page.is_visible("#rate-form") and page.is_visible("text=Musterantwort")
    assert answer in page.content()  # the same answer, graded again in German

    page.goto(server + "/problems/can_shift")
    page.evaluate("c => window.mlEditor.setValue(c)", "def can_shift(a, b):\n    return False\n")
    page.click("#submit-code")
    page.wait_for_selector("#verdict")
    _switch(page, "en")
    assert page.inner_text("#verdict") == "Wrong Answer"
    assert page.get_attribute("html", "lang") == "en"

    page.goto(server + "/labs/confusion_matrix")
    page.click("#run-lab")
    page.wait_for_selector("#lab-result", timeout=60_000)
    _switch(page, "de")
    page.wait_for_selector("#lab-result", timeout=60_000)
    assert page.get_attribute("html", "lang") == "de" and page.is_visible("#verdict")
