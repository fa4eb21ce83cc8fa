"""Run time of every registered lab at its defaults, with figures, and the total.

By default all labs run one after another in this process, so shared imports (numpy,
scikit-learn, matplotlib) are paid once, by whichever lab needs them first; the import cost
is printed on its own line. CPU seconds are printed next to wall time: on a loaded machine
wall time inflates while CPU time stays close to what an idle machine needs. ``--fresh``
runs each lab in a new interpreter instead, which is what one ``mlinterview lab ID`` call
costs. The load average is printed too: on a shared machine it explains most of the
variation between runs.

Usage: python benchmarks/labs_runtime.py [--fresh] [--no-render] [--budget 10] [LAB ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

FRESH_PROBE = """
import json, sys, time
start = time.perf_counter()
from mlinterview.labs.registry import run_lab
result = run_lab(sys.argv[1], render=sys.argv[2] == "1")
print(json.dumps({"verdict": result.verdict, "lab_seconds": result.seconds,
                  "wall": time.perf_counter() - start, "cpu": time.process_time()}))
"""


def _warm_imports() -> float:
    start = time.perf_counter()
    import matplotlib.figure  # noqa: F401
    import numpy  # noqa: F401
    import scipy.stats  # noqa: F401
    import sklearn.ensemble
    import sklearn.linear_model
    import sklearn.model_selection  # noqa: F401

    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("labs", nargs="*", help="lab ids (default: all)")
    parser.add_argument("--fresh", action="store_true", help="one interpreter per lab")
    parser.add_argument("--no-render", action="store_true", help="skip figures")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds allowed per lab")
    parser.add_argument(
        "--deep-budget",
        type=float,
        default=60.0,
        help="seconds allowed per lab that trains a torch network (dqn, transfer_learning)",
    )
    args = parser.parse_args()

    from mlinterview.labs.base import LabUnavailableError
    from mlinterview.labs.registry import all_labs, run_lab

    ids = args.labs or [lab.id for lab in all_labs()]
    budgets = {lab.id: args.deep_budget if lab.needs_torch else args.budget for lab in all_labs()}
    render = not args.no_render
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.fresh:
        print(f"{'shared imports':32s} {_warm_imports():7.2f} s")
    total = total_cpu = 0.0
    over = []
    for lab_id in ids:
        if args.fresh:
            run = subprocess.run(
                [sys.executable, "-c", FRESH_PROBE, lab_id, "1" if render else "0"],
                capture_output=True,
                text=True,
            )
            if run.returncode != 0:
                print(f"{lab_id:32s}  failed: {run.stderr.strip().splitlines()[-1]}")
                continue
            data = json.loads(run.stdout.strip().splitlines()[-1])
            seconds, verdict = float(data["wall"]), str(data["verdict"])
            cpu = float(data["cpu"])
        else:
            cpu_start = time.process_time()
            try:
                result = run_lab(lab_id, render=render)
            except LabUnavailableError as exc:
                print(f"{lab_id:32s}  skipped: {exc}")
                continue
            seconds, verdict = result.seconds, result.verdict
            cpu = time.process_time() - cpu_start
        total += seconds
        total_cpu += cpu
        budget = budgets.get(lab_id, args.budget)
        flag = "  OVER BUDGET" if seconds > budget else ""
        print(
            f"{lab_id:32s} {seconds:7.2f} s wall {cpu:7.2f} s cpu  "
            f"{seconds / budget:5.2f}x budget  {verdict}{flag}"
        )
        if seconds > budget:
            over.append(lab_id)
    print(
        f"{'total':32s} {total:7.2f} s wall {total_cpu:7.2f} s cpu  "
        f"({len(ids)} labs, budget {args.budget:g} s each, {args.deep_budget:g} s with torch)"
    )
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if over:
        print("over budget: " + ", ".join(over))


if __name__ == "__main__":
    main()
