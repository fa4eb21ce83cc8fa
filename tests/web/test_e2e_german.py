"""The German interface names topics, levels and numbers in German (issue 20, bug 7)."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_german_pages_use_german_names_and_decimal_commas(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.select_option("#lang-select", "de")
    page.click("form.lang button[type=submit]")
    page.goto(server + "/questions")
    options = page.locator("#f-topic option").all_inner_texts()
    assert "Statistik" in options and "statistics" not in options
    assert "mittel" in page.locator("#f-difficulty option").all_inner_texts()
    page.goto(server + "/mock")
    assert "Mid-Level" in page.locator("#m-level option").all_inner_texts()
    page.goto(server + "/labs/confusion_matrix")
    form = page.inner_text("main")
    assert "ganze Zahl von" in form and "int from" not in form
    page.click("#run-lab")
    page.wait_for_selector("#lab-result", timeout=60_000)
    headers = page.locator("#lab-result table th").all_inner_texts()
    assert "Schwelle" in headers or "Precision" in headers or "Recall" in headers, headers
    assert not {"threshold", "train accuracy", "value"} & set(headers)
    cells = " ".join(page.locator("#metrics td").all_inner_texts())
    assert re.search(r"\b0,\d", cells) and not re.search(r"\b0\.\d", cells)


def test_bad_input_in_the_browser_gets_a_page_not_json(server: str, page: Any) -> None:
    page.goto(server + "/practice")
    page.click("#check")
    page.wait_for_selector("#rate-form")
    page.evaluate("document.getElementById('rate-4').value = '9'")
    page.click("#rate-4")
    page.wait_for_selector("#invalid-fields")
    assert "must be at most 4" in page.inner_text("#invalid-fields")
    assert not page.inner_text("body").lstrip().startswith("{")
    page.goto(server + "/mock/history")
    assert page.locator("h1").inner_text().startswith("404")
