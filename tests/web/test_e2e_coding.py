"""Coding in the browser: statement, editor, run visible tests, submit, verdict per test."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

CORRECT = """
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
"""

WRONG = """
import numpy as np


def softmax(z):
    e = np.exp(np.asarray(z, dtype=float))  # no max shift: overflows on large logits
    return e / e.sum(axis=-1, keepdims=True)
"""


def _submit(page: Any, code: str, button: str) -> str:
    page.evaluate("code => window.mlEditor.setValue(code)", code)
    page.click(button)
    page.wait_for_selector("#verdict", timeout=60_000)
    return str(page.inner_text("#verdict"))


def test_correct_and_wrong_submissions(server: str, page: Any, screenshot: Any) -> None:
    page.goto(server + "/problems")
    assert page.locator("tr[data-problem]").count() >= 35
    page.click("tr[data-problem='softmax'] a")
    # The editor with syntax highlighting loads (wait for it: a click only starts the
    # navigation, and asking at once made this test fail on a busy machine).
    page.wait_for_selector(".CodeMirror", state="visible", timeout=30_000)
    assert "def softmax" in page.evaluate("window.mlEditor.getValue()")  # starter code
    screenshot(page, "problem")

    assert _submit(page, CORRECT, "#submit-code") == "Accepted"
    verdicts = page.locator("tr.test").evaluate_all("rows => rows.map(r => r.dataset.verdict)")
    assert verdicts and set(verdicts) == {"Accepted"}
    summary = page.locator("tr.hidden-summary")
    total = int(summary.get_attribute("data-total") or 0)
    assert total > 0 and summary.get_attribute("data-passed") == str(total)
    screenshot(page, "problem-accepted")

    assert _submit(page, WRONG, "#submit-code") == "Wrong Answer"
    # Hidden tests show a count and the first failing name only: no rows, no data.
    assert page.locator("tr.test.hidden").count() == 0
    assert int(page.locator("tr.hidden-summary").get_attribute("data-passed") or 0) < total
    assert page.locator("tr.hidden-summary details").count() == 0
    screenshot(page, "problem-wrong")


def test_run_visible_tests_only(server: str, page: Any) -> None:
    page.goto(server + "/problems/softmax")
    assert _submit(page, "def softmax(z):\n    return z\n", "#run-visible") == "Wrong Answer"
    assert page.locator("tr.test.hidden, tr.hidden-summary").count() == 0
    details = page.locator("tr.test.example details").first
    assert "Expected" in details.inner_text() and "Got" in details.inner_text()


TORCH_CORRECT = """
import torch


def rms_norm(x, weight, eps=1e-6):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight
"""


def test_a_pytorch_problem_in_the_browser(server: str, page: Any) -> None:
    """A tensor problem says it uses torch, starts with a torch stub and is judged (on the
    judge's torch warm parent) like any other."""
    pytest.importorskip("torch")
    page.goto(server + "/problems/rms_norm")
    page.wait_for_selector(".CodeMirror", state="visible", timeout=30_000)
    assert page.inner_text("#libraries") == "torch"
    assert page.locator("#needs-torch").count() == 0  # installed here: no warning
    assert "torch allowed" in page.inner_text("label[for=code]")
    assert "import torch" in page.evaluate("window.mlEditor.getValue()")
    assert _submit(page, TORCH_CORRECT, "#submit-code") == "Accepted"
    assert _submit(page, TORCH_CORRECT.replace("rsqrt", "sqrt"), "#submit-code") == "Wrong Answer"
