"""Labs in the browser: the form shows the declared ranges, a run shows verdict and figure."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser


def test_run_a_lab_and_see_its_figure(server: str, page: Any, screenshot: Any) -> None:
    page.goto(server + "/labs")
    assert page.locator("li[data-lab]").count() >= 10
    screenshot(page, "labs")
    page.click("li[data-lab='confusion_matrix'] a")
    assert page.get_attribute("#p-seed", "max") is not None
    page.click("#run-lab")
    page.wait_for_selector("#lab-result", timeout=60_000)
    assert page.inner_text("#verdict") == "supported"
    image = page.locator("img.figure").first
    assert image.is_visible()
    width = image.evaluate("img => img.naturalWidth")
    assert width > 100  # a real rendered PNG, not a broken image
    screenshot(page, "lab-result")


def test_lab_parameters_are_validated_on_the_server(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as client:
        form = client.get("/labs/knn")
        assert form.status_code == 200
        token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
        response = client.post("/labs/knn/run", data={"csrf_token": token, "k": "99999"})
        assert response.status_code == 400
        assert "parameter &#39;k&#39;" in response.text and "allowed" in response.text
        assert client.get("/labs/no-such-lab").status_code == 404
