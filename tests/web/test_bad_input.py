"""Every form of the HTML app answers bad values with a page in the user's language,
never with raw JSON (issue 20, bug 4). In-process over the real store and workspace."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from mlinterview.store.db import Store
from mlinterview.web.app import create_app


@pytest.fixture
def client(sqlite_url: str) -> TestClient:
    return TestClient(create_app(Store(sqlite_url)))


def _token(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
    assert found is not None
    return found.group(1)


BAD_FORMS = [
    ("/practice/overfitting/rate", {"rating": "9"}, 422, "must be at most 4"),
    ("/practice/overfitting/rate", {"rating": "abc"}, 422, "must be a whole number"),
    ("/practice/overfitting/rate", {}, 422, "is missing"),
    ("/mock/start", {"role": "generalist", "minutes": "abc"}, 422, "must be a whole number"),
    ("/mock/start", {"minutes": "45"}, 422, "is missing"),
    ("/mock/start", {"role": "generalist", "minutes": "5"}, 400, "minutes must be between"),
    ("/mock/start", {"role": "generalist", "seed": "-3"}, 400, "seed must be 0 or more"),
    ("/mock/start", {"role": "generalist", "seed": "x"}, 400, "seed must be a whole number"),
    ("/mock/start", {"role": "astronaut"}, 400, "astronaut"),
    ("/lang", {"lang": "fr"}, 400, "language must be en or de"),
    ("/labs/knn/run", {"k": "-5"}, 400, "out of range"),
]


@pytest.mark.parametrize(("path", "data", "status", "message"), BAD_FORMS)
def test_bad_form_values_get_a_page(
    client: TestClient, path: str, data: dict[str, str], status: int, message: str
) -> None:
    response = client.post(path, data={"csrf_token": _token(client), **data})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text
    assert not response.text.lstrip().startswith("{")


def test_german_users_read_german_errors(client: TestClient) -> None:
    token = _token(client)
    client.post("/lang", data={"csrf_token": token, "lang": "de"})
    response = client.post("/practice/overfitting/rate", data={"csrf_token": token, "rating": "9"})
    assert "Bitte prüfe deine Eingabe" in response.text and "darf höchstens 4 sein" in response.text


@pytest.mark.parametrize("path", ["/mock/history", "/mock/abc/report", "/questions/nope"])
def test_unknown_ids_are_not_found_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
