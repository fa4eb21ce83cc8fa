"""Wall time of `mlinterview list` as a ratio to `python -c pass`, measured in one run.

Usage: python benchmarks/cli_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def _median_seconds(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = shutil.which("mlinterview") or ""
    cli = [script, "list"] if script else [sys.executable, "-m", "mlinterview.cli", "list"]
    baseline = _median_seconds([sys.executable, "-c", "pass"], args.runs)
    listing = _median_seconds(cli, args.runs)
    as_json = _median_seconds([*cli, "--json"], args.runs)
    print(f"python -c pass          {baseline * 1000:8.1f} ms   1.00x")
    print(f"mlinterview list        {listing * 1000:8.1f} ms   {listing / baseline:5.2f}x")
    print(f"mlinterview list --json {as_json * 1000:8.1f} ms   {as_json / baseline:5.2f}x")


if __name__ == "__main__":
    main()
