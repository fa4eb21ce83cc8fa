"""The real ``mlinterview labs`` and ``mlinterview lab`` commands, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lab_cache import MY_LABS


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(HOME=str(tmp_path), COLUMNS="160", NO_COLOR="1")
    environment.pop("MLINTERVIEW_LANG", None)
    return environment


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_labs_lists_every_lab_as_json(env: dict[str, str]) -> None:
    listed = run(env, "labs", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert set(MY_LABS) <= set(rows)
    knn = rows["knn"]
    assert knn["cards"] == ["k-nearest-neighbours"]
    assert {p["name"] for p in knn["params"]} == {"k", "n_samples", "noise", "seed"}
    assert knn["needs_torch"] is False
    german = json.loads(run(env, "labs", "--json", "--lang", "de").stdout)
    assert {row["id"]: row for row in german}["knn"]["title"].startswith("k-nächste")


def test_lab_json_prints_claim_verdict_metrics(env: dict[str, str]) -> None:
    shown = run(env, "lab", "confusion_matrix", "--set", "n_samples=1000", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert {"id", "claim", "verdict", "metrics", "seconds"} <= set(data)
    assert data["id"] == "confusion_matrix"
    assert data["verdict"] == "supported"
    assert data["metrics"]["majority_recall"] == 0.0
    assert data["params"]["n_samples"] == 1000
    assert data["claim"].startswith("On imbalanced data")


def test_lab_prints_tables_and_writes_figures(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "figs"
    shown = run(
        env, "lab", "drift", "--set", "n=500", "--set", "shift=0", "--lang", "de", "--out", str(out)
    )
    assert shown.returncode == 0, shown.stderr
    assert "Behauptung:" in shown.stdout
    assert "Eingangsstatistiken und Accuracy" in shown.stdout  # the table's German title
    assert "Urteil: nicht bestätigt" in shown.stdout
    assert sorted(p.name for p in out.iterdir()) == ["drift-scenarios.png", "drift-scenarios.svg"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("lab", "knn", "--set", "noise=7"),
            "parameter 'noise': 7.0 is out of range; allowed: float from 0 to 1",
        ),
        (("lab", "knn", "--set", "k"), "--set expects name=value, got 'k'"),
        (("lab", "knn", "--set", "kk=3"), "lab 'knn' has no parameter 'kk'"),
        (("lab", "nope"), "unknown lab 'nope'"),
        (("lab", "knn", "--lang", "fr"), "--lang must be en or de"),
    ],
)
def test_bad_input_is_one_line(env: dict[str, str], args: tuple[str, ...], message: str) -> None:
    shown = run(env, *args)
    assert shown.returncode == 1
    assert message in shown.stderr
    assert "Traceback" not in shown.stderr
    assert len(shown.stderr.strip().splitlines()) == 1


PROBE = """
import json, sys
from mlinterview.cli import app
try:
    app(["labs", "--json"], standalone_mode=False)
finally:
    heavy = {"numpy", "sklearn", "scipy", "matplotlib", "shap", "statsmodels", "torch"}
    sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))
"""


def test_listing_labs_imports_no_heavy_library() -> None:
    run_ = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(run_.stdout)
    loaded = json.loads(run_.stderr.strip().splitlines()[-1])
    assert loaded == [], f"heavy modules imported by `mlinterview labs`: {loaded}"
