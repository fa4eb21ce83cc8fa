"""Running a script in a fresh interpreter, optionally as an installation without torch
would: for what a process decides once at import (which runtimes it can judge)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What an installation without torch looks like to importlib: find_spec gives None and
# `import torch` raises ImportError.
HIDE_TORCH = "import sys\nsys.modules['torch'] = None\n"


def last_line_of(script: Path, body: str, *args: str, hide_torch: bool = False) -> str:
    """Write ``body`` to ``script``, run it with this interpreter and path, return the last
    line it printed (a failing run raises with its output)."""
    script.write_text((HIDE_TORCH if hide_torch else "") + body, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=True,
    )
    return run.stdout.strip().splitlines()[-1]
