"""Team mode in a real browser: `mlinterview serve --team` as a process, Chromium logs in
through the form, sees only its own name, logs out; in German before and after login."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


def test_log_in_practise_and_log_out_in_chromium(team_server: str, page: Any) -> None:
    page.goto(team_server + "/practice")
    assert page.url.startswith(team_server + "/login?next=/practice")
    page.click("text=Deutsch")
    assert page.locator("h1").inner_text() == "Anmelden"
    page.fill("#name", "alice")
    page.fill("#password", "wrong-password")
    page.click("#login-button")
    assert page.locator("#login-error").inner_text() == "Benutzername oder Passwort falsch."
    page.fill("#password", "alice-password-1")
    page.click("#login-button")
    page.wait_for_url(team_server + "/practice")
    account = page.locator("#account-name")
    assert account.inner_text() == "alice"
    assert (account.get_attribute("title") or "").startswith("Logged in as alice")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["mli_session"]["httpOnly"] and cookies["mli_session"]["sameSite"] == "Lax"
    # The language switch is alice's own setting now.
    page.select_option("#lang-select", "de")
    page.click("form.lang button")
    assert (account.get_attribute("title") or "").startswith("Angemeldet als alice")
    page.click("#logout")
    page.wait_for_url(team_server + "/login")
    page.goto(team_server + "/")
    assert "/login?next=/" in page.url
