"""The lab framework: parameters, registry, running, rendering and the torch guard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lab_cache import MY_LABS

from mlinterview.labs.base import (
    Lab,
    LabNotFoundError,
    LabParameterError,
    Outcome,
    Param,
    Plot,
    Table,
    de_num,
    text,
)
from mlinterview.labs.plotting import write_figures
from mlinterview.labs.registry import (
    all_labs,
    execute_lab,
    get_lab,
    parse_overrides,
    registry_issues,
    run_lab,
)


def _coin_run(*, flips: int, bias: float, seed: int) -> Outcome:
    """A real, tiny experiment: does a biased coin show its bias in the sample mean?"""
    import numpy as np

    rng = np.random.default_rng(seed)
    heads = rng.random(flips) < bias
    mean = heads.mean()  # a numpy scalar on purpose: the framework must convert it

    def draw(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.bar(["Kopf" if lang == "de" else "heads", "tails"], [heads.sum(), (~heads).sum()])

    return Outcome(
        supported=bool(mean > 0.5),
        metrics={"mean": mean, "heads": heads.sum(), "flips": flips},
        explanation=text(f"mean {mean:.3f}", f"Mittelwert {de_num(float(mean))}"),
        tables=[Table(text("Counts", "Zählung"), ("side", "n"), (("heads", heads.sum()),))],
        plots=[Plot("counts", text("Counts", "Zählung"), draw, size=(3.0, 2.0))],
    )


COIN = Lab(
    id="coin",
    title=text("Coin", "Münze"),
    claim=text("The coin favours heads.", "Die Münze bevorzugt Kopf."),
    cards=("none",),
    params=(
        Param("flips", "int", 2000, text("Flips", "Würfe"), 10, 100000),
        Param("bias", "float", 0.6, text("P(heads)", "P(Kopf)"), 0.0, 1.0),
    ),
    run_fn=_coin_run,
)


def test_params_are_coerced_from_strings() -> None:
    values = COIN.validate({"flips": "50", "bias": "0.25", "seed": "3"})
    assert values == {"flips": 50, "bias": 0.25, "seed": 3}
    assert COIN.validate({}) == {"flips": 2000, "bias": 0.6, "seed": 0}
    flag = Param("scale", "bool", True, text("x", "x"))
    assert flag.coerce("no") is False and flag.coerce("TRUE") is True
    choice = Param("data", "choice", "a", text("x", "x"), choices=("a", "b"))
    assert choice.coerce("b") == "b"


@pytest.mark.parametrize(
    ("overrides", "needle"),
    [
        ({"flips": "5"}, "parameter 'flips': 5 is out of range; allowed: int from 10 to 100000"),
        ({"flips": "2.5"}, "parameter 'flips': '2.5' is not valid; allowed: int from 10 to"),
        ({"bias": "nan"}, "parameter 'bias': 'nan' is not valid; allowed: float from 0 to 1"),
        ({"bias": "1.5"}, "parameter 'bias': 1.5 is out of range; allowed: float from 0 to 1"),
        ({"seed": "-1"}, "parameter 'seed': -1 is out of range"),
        ({"coins": "3"}, "lab 'coin' has no parameter 'coins'; parameters: flips, bias, seed"),
    ],
)
def test_invalid_parameters_name_the_parameter_and_range(
    overrides: dict[str, str], needle: str
) -> None:
    with pytest.raises(LabParameterError) as caught:
        COIN.validate(overrides)
    message = str(caught.value)
    assert needle in message
    assert "\n" not in message


def test_choice_error_lists_the_choices() -> None:
    with pytest.raises(LabParameterError, match="allowed: one of wine, wine_prescaled"):
        get_lab("feature_scaling").validate({"dataset": "iris"})


def test_cross_parameter_rule_is_a_parameter_error() -> None:
    with pytest.raises(LabParameterError, match="parameter 'k': 300 exceeds the training size"):
        run_lab("knn", {"k": "300"}, render=False)


def test_execute_converts_numbers_and_computes_the_verdict() -> None:
    result = execute_lab(COIN, {"flips": "500"}, render=False)
    assert result.verdict == "supported"
    assert type(result.metrics["mean"]) is float and type(result.metrics["heads"]) is int
    assert type(result.tables[0].rows[0][1]) is int
    assert result.figures == ()
    assert result.seconds > 0
    fair = execute_lab(COIN, {"bias": "0.3"}, render=False)
    assert fair.verdict == "not supported"
    assert json.loads(json.dumps(fair.to_dict()))["verdict"] == "not supported"


def test_execute_is_deterministic_per_seed() -> None:
    a = execute_lab(COIN, {"seed": "11"}, render=False)
    b = execute_lab(COIN, {"seed": "11"}, render=False)
    c = execute_lab(COIN, {"seed": "12"}, render=False)
    assert a.metrics == b.metrics
    assert a.metrics != c.metrics


def test_figures_are_png_and_deterministic_svg(tmp_path: Path) -> None:
    first = execute_lab(COIN, {}, render=True)
    second = execute_lab(COIN, {}, render=True)
    (figure,) = first.figures
    assert figure.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert figure.svg.lstrip().startswith(b"<?xml")
    assert b"<dc:date>" not in figure.svg
    assert figure.svg == second.figures[0].svg
    assert figure.png == second.figures[0].png
    german = execute_lab(COIN, {}, render=True, lang="de")
    assert german.figures[0].svg != figure.svg  # labels are drawn in the chosen language
    paths = write_figures(first.figures, tmp_path / "out", "coin")
    assert sorted(p.name for p in paths) == ["coin-counts.png", "coin-counts.svg"]
    assert (tmp_path / "out" / "coin-counts.svg").read_bytes() == figure.svg


def test_non_finite_metrics_are_rejected() -> None:
    def broken(*, seed: int) -> Outcome:
        return Outcome(True, {"score": float("nan")}, text("x", "x"))

    lab = Lab("broken", text("b", "b"), text("b", "b"), ("x",), (), broken)
    with pytest.raises(ValueError, match="metric 'score' is nan"):
        execute_lab(lab, render=False)


def test_registry_finds_every_lab_without_issues() -> None:
    ids = [lab.id for lab in all_labs()]
    assert registry_issues() == []
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert set(MY_LABS) <= set(ids)
    for lab in all_labs():
        lab.validate({})  # every default is inside its own range
        assert lab.claim.en.strip() and lab.claim.de.strip()


def test_unknown_lab_is_a_clear_error() -> None:
    with pytest.raises(LabNotFoundError, match="unknown lab 'nope'; run `mlinterview labs`"):
        run_lab("nope")


def test_parse_overrides() -> None:
    assert parse_overrides(["k=5", " noise = 0.2 "]) == {"k": "5", "noise": "0.2"}
    with pytest.raises(LabParameterError, match="--set expects name=value, got 'k'"):
        parse_overrides(["k"])


TORCH_PROBE = """
import sys
sys.modules["torch"] = None  # what an installation without torch looks like to import
from mlinterview.labs.base import Lab, LabUnavailableError, Outcome, text
from mlinterview.labs.registry import execute_lab
lab = Lab("deep", text("d", "d"), text("d", "d"), ("x",), (),
          lambda *, seed: Outcome(True, {}, text("x", "x")), needs_torch=True)
try:
    execute_lab(lab, render=False)
except LabUnavailableError as exc:
    print(exc)
"""


def test_torch_labs_say_how_to_install_torch() -> None:
    run = subprocess.run(
        [sys.executable, "-c", TORCH_PROBE], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "lab 'deep' needs PyTorch; install it with: pip install \"mlinterview[deep]\""
    )
