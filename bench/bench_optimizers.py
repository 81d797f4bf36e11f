"""How long the optimizers' core takes to compute a whole trajectory: prints figures, asserts nothing.

Per optimizer, the slowest surface at the most steps offered (optimizers/params.py) with
the lab's defaults, median of --runs runs; then every optimizer on one surface together
(a page that draws them all at once). The /optimizers page computes a trajectory once per
setting and scrubs through the recorded steps, so this is its cost per new setting.

usage (project root):  python bench/bench_optimizers.py [--runs 5]
Target: ≤ 1 s for any offered setting (all optimizers together included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the server runs (preload.py)

import optimizers as opt  # noqa: E402
from optimizers.params import STEPS  # noqa: E402


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    steps = int(STEPS.max)
    print(f"trajectory, {steps} steps, lab defaults, median of {args.runs} (ms)")
    print(f"{'optimizer':<20}" + "".join(f"{s:>17}" for s in opt.SURFACES))
    for name in opt.OPTIMIZERS:
        row = []
        for surface in opt.SURFACES:
            ms = _median_ms(lambda n=name, s=surface: opt.trajectory(n, s, steps=steps), args.runs)
            row.append(f"{ms:17.1f}")
        print(f"{name:<20}" + "".join(row))
    for surface in opt.SURFACES:
        ms = _median_ms(
            lambda s=surface: [opt.trajectory(n, s, steps=steps) for n in opt.OPTIMIZERS],
            args.runs,
        )
        print(f"all {len(opt.OPTIMIZERS)} optimizers together on {surface}: {ms:.0f} ms")


if __name__ == "__main__":
    main()
