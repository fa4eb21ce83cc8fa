"""The optional LLM judge against a real HTTP server on 127.0.0.1 (no network, no mocks).

The server answers like an OpenAI-compatible endpoint: a valid rubric judgement, broken
JSON, a judgement with an unknown id, or a reply slower than the client's timeout. Only the
valid reply may change the result; every other case must fall back to the offline grader.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from mlinterview.content.loader import Bank
from mlinterview.grading.embedding import CachedEmbedder
from mlinterview.grading.engine import grade_card

ANSWER = "Overfitting means the model memorises noise and fails on new data."


class _Handler(BaseHTTPRequestHandler):
    mode: ClassVar[str] = "valid"
    requests: ClassVar[list[dict[str, Any]]] = []
    point_ids: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        return

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), **body}
        )
        if self.mode == "slow":
            time.sleep(3.0)
        if self.mode == "broken":
            content = "Sure! Here is my assessment: the answer is quite good."
        else:
            verdicts = [
                {
                    "id": pid,
                    "status": "covered" if i == 0 else "missing",
                    "evidence": ANSWER if i == 0 else None,
                }
                for i, pid in enumerate(self.point_ids)
            ]
            if self.mode == "unknown-id":
                verdicts[0]["id"] = "no-such-point"
            judgement = {
                "key_points": verdicts,
                "misconceptions": [{"id": "train-longer", "evidence": ANSWER}],
            }
            content = "```json\n" + json.dumps(judgement) + "\n```"
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]})
        data = payload.encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout case)


@pytest.fixture(scope="module")
def server(bank: Bank) -> Iterator[str]:
    _Handler.point_ids = [p.id for p in bank.cards["overfitting"].key_points]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def configured(server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MLINTERVIEW_LLM_BASE_URL", server)
    monkeypatch.setenv("MLINTERVIEW_LLM_MODEL", "tiny-judge")
    monkeypatch.setenv("MLINTERVIEW_LLM_API_KEY", "secret-token")
    monkeypatch.setenv("MLINTERVIEW_LLM_TIMEOUT", "1.0")
    _Handler.requests.clear()
    return server


def test_valid_judgement_is_used(
    bank: Bank, embedder: CachedEmbedder | None, configured: str
) -> None:
    _Handler.mode = "valid"
    card = bank.cards["overfitting"]
    result = grade_card(card, ANSWER, "en")
    assert result.backend.startswith("llm:tiny-judge")
    statuses = [p.status for p in result.key_points]
    assert statuses == ["covered"] + ["missing"] * (len(statuses) - 1)
    assert [m.id for m in result.misconceptions] == ["train-longer"]
    # the shown claim and correction come from the card, not from the model
    assert result.misconceptions[0].correction == card.misconceptions[2].correction.en
    request = _Handler.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["model"] == "tiny-judge"
    assert request["auth"] == "Bearer secret-token"
    prompt = request["messages"][-1]["content"]
    assert "train-validation-gap" in prompt and ANSWER in prompt


@pytest.mark.parametrize("mode", ["broken", "unknown-id", "slow"])
def test_bad_or_slow_replies_fall_back_to_offline(
    bank: Bank, embedder: CachedEmbedder | None, configured: str, mode: str
) -> None:
    card = bank.cards["overfitting"]
    offline = grade_card(card, ANSWER, "en", use_llm=False)
    _Handler.mode = mode
    started = time.monotonic()
    result = grade_card(card, ANSWER, "en")
    elapsed = time.monotonic() - started
    assert _Handler.requests, "the endpoint was not asked"
    assert result == offline
    assert not result.backend.startswith("llm:")
    if mode == "slow":
        assert elapsed < 2.9  # gave up at the 1 s timeout instead of waiting for the reply


def test_unconfigured_judge_is_never_asked(
    bank: Bank, embedder: CachedEmbedder | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MLINTERVIEW_LLM_BASE_URL", raising=False)
    _Handler.requests.clear()
    result = grade_card(bank.cards["overfitting"], ANSWER, "en")
    assert not result.backend.startswith("llm:")
    assert _Handler.requests == []
