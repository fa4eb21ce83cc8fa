"""Optional rubric judgement by an OpenAI-compatible chat endpoint the user configures.

Set ``MLINTERVIEW_LLM_BASE_URL`` (e.g. ``http://127.0.0.1:8080/v1``), ``MLINTERVIEW_LLM_MODEL``
and, if the server wants one, ``MLINTERVIEW_LLM_API_KEY``. The reply must be JSON matching
:class:`Judgement` and may only use the rubric's ids; anything else (an error, a timeout, an
unknown id, prose) makes the caller keep the offline result. Only the standard library is
used for HTTP, with a short timeout.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mlinterview.grading.rubric import Rubric

DEFAULT_TIMEOUT = 8.0
MAX_REPLY_BYTES = 200_000


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls) -> LLMConfig | None:
        base = os.environ.get("MLINTERVIEW_LLM_BASE_URL", "").strip()
        model = os.environ.get("MLINTERVIEW_LLM_MODEL", "").strip()
        if not base or not model:
            return None
        try:
            timeout = float(os.environ.get("MLINTERVIEW_LLM_TIMEOUT", DEFAULT_TIMEOUT))
        except ValueError:
            timeout = DEFAULT_TIMEOUT
        key = os.environ.get("MLINTERVIEW_LLM_API_KEY", "").strip() or None
        return cls(base.rstrip("/"), model, key, max(0.1, min(timeout, 60.0)))

    @property
    def name(self) -> str:
        return f"llm:{self.model}"


class PointVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    status: Literal["covered", "partly", "missing"]
    evidence: str | None = Field(default=None, max_length=2000)


class WrongVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    evidence: str = Field(max_length=2000)


class Judgement(BaseModel):
    """The JSON object the model must return."""

    model_config = ConfigDict(extra="ignore")
    key_points: list[PointVerdict]
    misconceptions: list[WrongVerdict] = []


def _prompt(rubric: Rubric, answer: str) -> str:
    points = "\n".join(f"- {p.id}: {p.text}" for p in rubric.points)
    wrongs = "\n".join(f"- {w.id}: {w.claim}" for w in rubric.wrongs) or "(none)"
    return (
        "You grade an interview answer against a rubric. For every key point decide whether "
        "the answer covers it fully (covered), in part (partly) or not at all (missing), and "
        "quote the answer sentence that supports it. List only misconceptions the answer "
        "actually states, quoting the sentence.\n\n"
        f"Question: {rubric.question}\n\nKey points:\n{points}\n\n"
        f"Known misconceptions:\n{wrongs}\n\nAnswer:\n{answer[:6000]}\n\n"
        'Reply with JSON only: {"key_points": [{"id": ..., "status": ..., "evidence": ...}], '
        '"misconceptions": [{"id": ..., "evidence": ...}]}'
    )


def _extract_json(content: str) -> str:
    fenced = re.search(r"```(?:json)?\s*(\{.*\})\s*```", content, re.DOTALL)
    return fenced.group(1) if fenced else content.strip()


def judge(config: LLMConfig, rubric: Rubric, answer: str) -> Judgement | None:
    """The endpoint's verdict, or None when it fails, is slow, or breaks the schema."""
    body = json.dumps(
        {
            "model": config.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": "You are a strict, fair grader. Reply in JSON."},
                {"role": "user", "content": _prompt(rubric, answer)},
            ],
        }
    ).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    request = urllib.request.Request(
        f"{config.base_url}/chat/completions", data=body, headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=config.timeout) as response:
            raw = response.read(MAX_REPLY_BYTES + 1)
        if len(raw) > MAX_REPLY_BYTES:
            return None
        envelope = json.loads(raw.decode("utf-8"))
        content = envelope["choices"][0]["message"]["content"]
        verdict = Judgement.model_validate_json(_extract_json(str(content)))
    except (
        urllib.error.URLError,
        TimeoutError,
        OSError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        ValidationError,
    ):
        return None
    return verdict if _consistent(verdict, rubric) else None


def _consistent(verdict: Judgement, rubric: Rubric) -> bool:
    """Every rubric point judged exactly once, and no ids the rubric does not have."""
    point_ids = [p.id for p in rubric.points]
    judged = [v.id for v in verdict.key_points]
    if sorted(judged) != sorted(point_ids):
        return False
    wrong_ids = {w.id for w in rubric.wrongs}
    return all(v.id in wrong_ids for v in verdict.misconceptions)
