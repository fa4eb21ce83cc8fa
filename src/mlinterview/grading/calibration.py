"""Fitted coefficients that turn features into decisions and scores.

``calibration.json`` is written by ``benchmarks/fit_grading_calibration.py`` (which says how
and on what it was fitted); here it is only read and applied, with plain Python arithmetic so
that grading needs no scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

CALIBRATION_FILE = "calibration.json"


@dataclass(frozen=True)
class Linear:
    """A standardised linear model: ``intercept + sum(coef * (x - mean) / scale)``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Linear:
        return cls(
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) or 1.0 for v in data["scale"]),
            coef=tuple(float(v) for v in data["coef"]),
            intercept=float(data["intercept"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }

    def decision(self, values: dict[str, float]) -> float:
        total = self.intercept
        for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            total += c * (values.get(name, 0.0) - m) / s
        return total

    def probability(self, values: dict[str, float]) -> float:
        z = max(-50.0, min(50.0, self.decision(values)))
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class PointRule:
    """Two logistic heads: is the point there at all, and is it there fully."""

    detected: Linear
    covered: Linear
    detected_threshold: float
    covered_threshold: float

    def status(self, values: dict[str, float]) -> tuple[str, float]:
        p_detected = self.detected.probability(values)
        if p_detected < self.detected_threshold:
            return "missing", p_detected
        # weak evidence is at most "partly", however complete the matched sentence looks
        if p_detected >= 0.5 and self.covered.probability(values) >= self.covered_threshold:
            return "covered", p_detected
        return "partly", p_detected

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PointRule:
        return cls(
            Linear.from_dict(data["detected"]),
            Linear.from_dict(data["covered"]),
            float(data["detected_threshold"]),
            float(data["covered_threshold"]),
        )


@dataclass(frozen=True)
class WrongRule:
    model: Linear
    threshold: float

    def flagged(self, values: dict[str, float]) -> bool:
        return self.model.probability(values) >= self.threshold

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WrongRule:
        return cls(Linear.from_dict(data["model"]), float(data["threshold"]))


@dataclass(frozen=True)
class FreeScore:
    """The score of an answer to a question without a rubric, as human graders give it.

    Graders award the reference's points one by one, so the model does too: a logistic
    ``element`` head says how surely each key point is there, their weighted mean is the
    share ``earned``, and a ``score`` head combines it with whole-answer features. ``link``
    says how the score head's value becomes a score: ``identity`` (clipped to [0, 1]) or
    ``logistic`` (a probability, which keeps its shape when the graders' scale changes from
    one data set to the next).
    """

    element: Linear
    score: Linear
    link: str = "identity"

    def earned(self, elements: list[dict[str, float]], weights: list[float]) -> float:
        total = sum(weights)
        if not elements or total <= 0:
            return 0.0
        got = sum(w * self.element.probability(e) for e, w in zip(elements, weights, strict=True))
        return got / total

    def predict(
        self, elements: list[dict[str, float]], weights: list[float], whole: dict[str, float]
    ) -> float:
        value = self.score.decision({**whole, "earned": self.earned(elements, weights)})
        if self.link == "logistic":
            return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, value))))
        return min(1.0, max(0.0, value))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FreeScore:
        link = str(data.get("link", "identity"))
        if link not in ("identity", "logistic"):
            raise ValueError(f"unknown link {link!r} in the free score")
        return cls(Linear.from_dict(data["element"]), Linear.from_dict(data["score"]), link)

    def to_dict(self) -> dict[str, Any]:
        return {"element": self.element.to_dict(), "score": self.score.to_dict(), "link": self.link}


@dataclass(frozen=True)
class BackendCalibration:
    point_card: PointRule
    point_free: PointRule
    wrong: WrongRule
    #: per language of the reference ("de", "en"), or one model for both under "all"
    free: dict[str, FreeScore]

    def free_score(self, lang: str) -> FreeScore:
        return self.free.get(lang) or self.free.get("all") or self.free["en"]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BackendCalibration:
        return cls(
            PointRule.from_dict(data["point_card"]),
            PointRule.from_dict(data["point_free"]),
            WrongRule.from_dict(data["wrong"]),
            {lang: FreeScore.from_dict(model) for lang, model in data["free"].items()},
        )


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    path = resources.files("mlinterview.grading").joinpath(CALIBRATION_FILE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def calibration_for(backend: str) -> BackendCalibration:
    """Coefficients fitted for ``backend`` (``"lexical"`` for grading without embeddings)."""
    backends = _raw()["backends"]
    if backend not in backends:
        raise KeyError(f"no grading calibration for backend {backend!r}")
    return BackendCalibration.from_dict(backends[backend])
