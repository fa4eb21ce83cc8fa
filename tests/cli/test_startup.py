"""`mlinterview list` must not pay for heavy ML libraries it does not use."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "sklearn",
    "scipy",
    "torch",
    "matplotlib",
    "onnxruntime",
    "numpy",
    "shap",
    "statsmodels",
    "gymnasium",
    "pandas",
    "fastapi",
    "sqlalchemy",
)

PROBE = f"""
import json, sys
from mlinterview.cli import app
try:
    app(["list", "--json"], standalone_mode=False)
finally:
    sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))
"""


def test_list_imports_no_heavy_library() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(run.stdout)  # the listing itself worked
    loaded = json.loads(run.stderr.strip().splitlines()[-1])
    assert loaded == [], f"heavy modules imported by `mlinterview list`: {loaded}"
