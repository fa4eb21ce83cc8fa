"""Dashboard numbers that agree, mastery that means recall, phones, favicon, headings and
focus (issue 20, bugs 5 to 7), in Chromium against a real server and store."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

CONTRAST = """
el => {
  const rgb = getComputedStyle(el).outlineColor.match(/\\d+/g).slice(0, 3).map(Number);
  const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
  return 1.05 / (l + 0.05);
}
"""


def _rate_again(page: Any, server: str, topic: str) -> None:
    page.goto(f"{server}/practice?topic={topic}")
    page.click("#check")
    page.wait_for_selector("#rate-form")
    page.click("#rate-1")
    page.wait_for_selector("#saved")


def test_dashboard_numbers_agree_and_mastery_means_recall(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert page.is_visible("h1") and page.is_visible("#no-reviews")
    topic = "statistics"
    for _ in range(3):
        _rate_again(page, server, topic)
    page.goto(server + "/")
    assert not page.is_visible("#no-reviews")
    row = page.locator(f"tr[data-topic='{topic}']")
    seen, total = (int(x) for x in row.locator("td.seen").inner_text().split(" / "))
    mastery = int(row.locator("[role=meter]").get_attribute("aria-valuenow") or 0)
    assert seen == 3 and mastery < 100 * seen / total  # three "again" are not mastery
    due_now = sum(int(x) for x in page.locator("td.due-now").all_inner_texts())
    assert int(page.inner_text("#due-now")) == due_now
    assert page.inner_text("#problems-solved").startswith("0 / ")


@pytest.mark.parametrize("path", ["/", "/problems", "/questions", "/labs", "/mock"])
def test_pages_fit_a_phone(server: str, browser: Any, path: str) -> None:
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        phone.goto(server + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 391
    finally:
        phone.close()


def test_favicon_titles_and_focus_ring(server: str, page: Any) -> None:
    with httpx.Client(base_url=server) as client:
        icon = client.get("/favicon.ico")
        assert icon.status_code == 200 and "svg" in icon.headers["content-type"]
    page.goto(server + "/questions/overfitting")
    assert page.title().startswith("What is overfitting") or "overfitting" in page.title().lower()
    assert "overfitting ·" not in page.title()  # not the raw id
    page.goto(server + "/questions")
    assert page.locator("h1").count() == 1
    page.focus("#q")
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert page.evaluate(CONTRAST, focused) >= 3.0
