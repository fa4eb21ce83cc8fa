"""Coding and labs as LeetCode users expect (issue 20): examples on the page, solved and
attempted markers with filters, submission history, Ctrl+Enter; labs show progress while
they run and the figure before the tables. Chromium against a real server and store."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

CORRECT = "def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n"


def test_examples_markers_filters_history_and_ctrl_enter(
    server: str, page: Any, screenshot: Any
) -> None:
    page.goto(server + "/problems/can_shift")
    assert page.locator("#examples li").count() >= 1
    assert "can_shift(" in page.inner_text("#examples")
    page.evaluate("c => window.mlEditor.setValue(c)", "def can_shift(a, b):\n    return False\n")
    page.click("#submit-code")
    page.wait_for_selector("#verdict")
    page.evaluate("c => window.mlEditor.setValue(c)", CORRECT)
    page.click(".CodeMirror")
    page.keyboard.press("Control+Enter")
    page.wait_for_function("document.getElementById('verdict').textContent === 'Accepted'")
    verdicts = page.locator("#history tr[data-verdict]").evaluate_all(
        "rows => rows.map(r => r.dataset.verdict)"
    )
    assert verdicts[:2] == ["Accepted", "Wrong Answer"]  # newest first
    screenshot(page, "problem-history")
    page.goto(server + "/problems")
    assert page.get_attribute("tr[data-problem='can_shift']", "data-status") == "solved"
    screenshot(page, "problem-list")
    page.goto(server + "/problems?status=solved")
    assert page.locator("#problem-list tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.problem)"
    ) == ["can_shift"]
    page.goto(server + "/problems?difficulty=hard")
    levels = set(page.locator("#problem-list tbody tr td:nth-child(4)").all_inner_texts())
    assert levels == {"hard"}


def test_a_running_lab_shows_progress_and_its_figure_first(server: str, page: Any) -> None:
    page.goto(server + "/labs/confusion_matrix")
    # Registered after the page's own handler, so it sees the state that handler set.
    page.evaluate(
        """() => document.getElementById('lab-form').addEventListener('submit', () =>
             sessionStorage.setItem('progress', String(
               !document.getElementById('lab-running').hidden &&
               document.getElementById('run-lab').disabled)))"""
    )
    page.click("#run-lab")
    page.wait_for_selector("#lab-result", timeout=60_000)
    # shown, and no second run possible, while the lab ran
    assert page.evaluate("sessionStorage.getItem('progress')") == "true"
    order = page.evaluate(
        "[...document.querySelectorAll('#lab-result figure, #lab-result table')]"
        ".map(e => e.tagName)"
    )
    assert order[0] == "FIGURE" and "TABLE" in order


def test_too_long_code_is_kept_in_the_editor(server: str, page: Any) -> None:
    page.goto(server + "/problems/can_shift")
    huge = "# " + "x" * 2_000_000 + "\n" + CORRECT
    page.evaluate("c => window.mlEditor.setValue(c)", huge)
    page.click("#submit-code")
    assert page.is_visible("#too-long")
    assert page.evaluate("window.mlEditor.getValue().length") == len(huge)  # nothing lost


def test_a_hint_keeps_the_code_and_marks_the_solve(server: str, page: Any) -> None:
    page.goto(server + "/problems/can_shift")
    draft = "def can_shift(a, b):\n    # my idea so far\n    return False\n"
    page.evaluate("c => window.mlEditor.setValue(c)", draft)
    page.click("#show-hint")
    page.wait_for_selector("#hints li")
    assert page.locator("#hints li").count() == 1
    assert page.evaluate("() => window.mlEditor.getValue()") == draft
    assert "2" in page.inner_text("#show-hint")  # the next one is offered
    page.evaluate("c => window.mlEditor.setValue(c)", CORRECT)
    page.click("#submit-code")
    page.wait_for_function("document.getElementById('verdict').textContent === 'Accepted'")
    page.goto(server + "/problems")
    status = page.get_attribute("tr[data-problem='can_shift']", "data-status")
    assert status == "solved_with_hints"
