"""The free score model: one model for both languages, fitted on five human-graded data sets.

The shipped coefficients are read from the package exactly as grading reads them; the fitting
code of ``benchmarks/`` is run on small synthetic data (the public sets live outside the repo).
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mlinterview.grading.calibration import FreeScore, calibration_for
from mlinterview.grading.embedding import CachedEmbedder, backend_name
from mlinterview.grading.engine import grade_free
from mlinterview.grading.features import ELEMENT_FEATURES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from fit_grading_calibration import FREE_MODEL
from grading_common import fit_free_score, free_predict

BACKENDS = ("use-m3", "e5-small-q4", "lexical")
#: Every backend's free score is chosen by leaving one data set out and fitted on all five.
REFITTED = BACKENDS


def _raw() -> dict[str, Any]:
    text = resources.files("mlinterview.grading").joinpath("calibration.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.mark.parametrize("backend", REFITTED)
def test_one_free_model_for_both_languages(backend: str) -> None:
    """Chosen by leave-one-data-set-out: a German set must be predictable from English ones."""
    calibration = calibration_for(backend)
    assert set(calibration.free) == {"all"}
    assert calibration.free_score("de") is calibration.free_score("en")
    assert calibration.free_score("de").link == FREE_MODEL["link"]


def test_calibration_names_its_data_and_share_alike_terms() -> None:
    about = _raw()["about"]
    for name in ("nn_exam", "SAF", "SciEntsBank", "Beetle", "CC BY-SA 3.0"):
        assert name in about
    notice = resources.files("mlinterview.grading").joinpath("CALIBRATION_LICENSE.md")
    text = notice.read_text("utf-8")
    assert "CC BY-SA 3.0" in text and "Dzikovska" in text and "Filighera" in text


def _elements(level: float, n: int = 3) -> list[dict[str, float]]:
    return [
        {"unit_sem": level, "lemma_rec": level, "char_rec": level, "question_sem": 0.3}
        for _ in range(n)
    ]


def _points_met(level: float, model: FreeScore, n: int = 3) -> list[dict[str, float]]:
    """Points met from not at all (0) to fully (1), in the backend's own units: embedding
    similarities from two spreads below an average match to two above (e5's cosines of
    unrelated texts are near 0.8, USE's near 0), lemma and character overlap from 0 to 1."""
    spread = dict(zip(model.element.features, model.element.scale, strict=True))
    middle = dict(zip(model.element.features, model.element.mean, strict=True))

    def similarity(name: str) -> float:
        return min(1.0, max(0.0, middle[name] + (4 * level - 2) * spread[name]))

    return [
        {
            "unit_sem": similarity("unit_sem"),
            "lemma_rec": level,
            "char_rec": level,
            "question_sem": middle["question_sem"],
        }
        for _ in range(n)
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_shipped_score_grows_with_the_points_found_and_stays_in_range(
    backend: str,
) -> None:
    model = calibration_for(backend).free_score("en")
    # the whole answer as close to its reference as an average one, in the backend's terms
    whole = {"cos": 0.5, "lrec": 0.5, "len": 3.0, "lenratio": 0.5, "empty": 0.0}
    whole.update(zip(model.score.features, model.score.mean, strict=True))
    scores = [
        model.predict(_points_met(v, model), [1.0, 1.0, 1.0], whole) for v in (0.0, 0.4, 0.8, 1.0)
    ]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores) and scores[-1] > scores[0] + 0.3


def test_unknown_link_is_refused() -> None:
    data = calibration_for("use-m3").free_score("en").to_dict()
    assert FreeScore.from_dict(data) == calibration_for("use-m3").free_score("en")
    with pytest.raises(ValueError, match="link"):
        FreeScore.from_dict({**data, "link": "probit"})


def _synthetic(sign: float, n: int, rng: np.random.Generator) -> tuple[list[Any], list[float]]:
    rows, targets = [], []
    for _ in range(n):
        level = float(rng.uniform())
        rows.append(
            {
                "elements": _elements(level, 2),
                "weights": [1.0, 1.0],
                "whole": {"cos": float(rng.uniform()), "empty": 0.0},
            }
        )
        targets.append(level if sign > 0 else 1.0 - level)
    return rows, targets


@pytest.mark.parametrize("link", ["logistic", "identity"])
def test_fit_follows_the_data_set_weights(link: str) -> None:
    """Every set counts the same in the fit only if the weights do what they say."""
    rng = np.random.default_rng(0)
    up, up_y = _synthetic(+1, 300, rng)
    down, down_y = _synthetic(-1, 60, rng)
    rows, targets = up + down, up_y + down_y
    probe = [
        {"elements": _elements(v, 2), "weights": [1.0, 1.0], "whole": {"cos": 0.5, "empty": 0.0}}
        for v in (0.1, 0.9)
    ]
    for weight_up, rising in ((1.0, True), (0.05, False)):
        weights = [weight_up] * len(up) + [1.0] * len(down)
        model = fit_free_score(
            rows,
            targets,
            ("cos",),
            element_features=ELEMENT_FEATURES,
            link=link,
            sample_weight=weights,
        )
        assert model.link == link
        low, high = free_predict(model, probe)
        assert 0.0 <= low <= 1.0 and 0.0 <= high <= 1.0
        assert (high > low + 0.2) if rising else (low > high + 0.2), (weight_up, low, high)


def test_auto_grades_german_answers_without_a_rubric_with_the_refitted_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MLINTERVIEW_GRADING_BACKEND", raising=False)
    assert backend_name("auto", "de", rubric=False) == "use"
    result = grade_free(
        "Warum wird ein Metalllöffel im heißen Tee warm?",
        "Die Wärme wird vom heißen Tee durch das Metall bis zum Griff geleitet.",
        "Das Metall leitet die Wärme.",
        "de",
    )
    assert result.backend in REFITTED


def test_free_score_ranks_a_right_answer_above_a_wrong_one_in_both_languages(
    embedder: CachedEmbedder | None,
) -> None:
    """One model for both languages still ranks within each language."""
    question = "Why does a metal spoon in hot tea get warm?"
    reference = "Heat is conducted from the hot tea through the metal to the handle."
    right = grade_free(question, reference, "The metal conducts heat from the tea.", "en")
    wrong = grade_free(question, reference, "Because the spoon is shiny.", "en")
    assert right.score > wrong.score + 0.1
    frage = "Warum wird ein Metalllöffel im heißen Tee warm?"
    referenz = "Die Wärme wird vom heißen Tee durch das Metall bis zum Griff geleitet."
    richtig = grade_free(frage, referenz, "Das Metall leitet die Wärme vom Tee weiter.", "de")
    falsch = grade_free(frage, referenz, "Weil der Löffel glänzt.", "de")
    assert richtig.score > falsch.score + 0.1
