"""Search in Chromium: German and US spellings find cards, results are ranked and marked."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def _results(page: Any) -> list[str]:
    return list(
        page.locator("ul.question-list li").evaluate_all("els => els.map(e => e.dataset.card)")
    )


def test_search_is_bilingual_ranked_and_highlighted(
    server: str, page: Any, screenshot: Any
) -> None:
    page.goto(server + "/questions?q=" + quote("Überanpassung"))
    found = _results(page)
    assert found and found[0] == "overfitting"
    marks = page.locator("ul.question-list li").first.locator("mark").all_inner_texts()
    assert marks and all(m.casefold() in ("overfitting", "überanpassung") for m in marks)
    screenshot(page, "search-de")
    page.goto(server + "/questions?q=overfitting")
    assert _results(page)[0] == "overfitting"
    page.goto(server + "/questions?q=regularization")
    american = _results(page)
    page.goto(server + "/questions?q=regularisation")
    assert american and _results(page) == american
    page.goto(server + "/questions?q=" + quote("<b>x</b>"))
    assert page.locator("ul.question-list li b").count() == 0  # never rendered as markup
