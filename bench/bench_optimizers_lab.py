"""What one new setting of /optimizers costs on the server: prints figures, asserts nothing.

Per surface, at the most steps offered (1000) with every optimizer drawn at its defaults
(the heaviest setting the page offers): the trajectories, the contour figure with its
scrub frames, the loss figure, and the JSON Streamlit sends (``fig.to_dict`` then
``plotly.io.to_json``, as ``st.plotly_chart`` does for a ``go.Figure``); then every preset.
Median of --runs runs after a warm-up (the server has its imports and validators warm).

usage (project root):  python bench/bench_optimizers_lab.py [--runs 5]
Target: ≤ 1 s for any offered setting.
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

import plotly.io as pio  # noqa: E402

import optimizers as opt  # noqa: E402
from optimizers.params import STEPS  # noqa: E402
from plots.optimizers_lab import make_loss_figure, make_trajectory_figure  # noqa: E402
from viewstate import optimizers_lab as lab  # noqa: E402


def _one(surface: str, lines, steps: int) -> dict:
    t0 = time.perf_counter()
    runs = lab.run_lines(surface, lines, None, steps)
    t1 = time.perf_counter()
    names = [r.line.key for r in runs]
    fig = make_trajectory_figure(opt.SURFACES[surface], runs, names)
    loss = make_loss_figure(runs, names)
    t2 = time.perf_counter()
    spec = pio.to_json(fig.to_dict(), validate=False)
    spec_loss = pio.to_json(loss.to_dict(), validate=False)
    t3 = time.perf_counter()
    return {"runs": t1 - t0, "figures": t2 - t1, "json": t3 - t2, "total": t3 - t0,
            "kB": (len(spec) + len(spec_loss)) / 1e3}


def _median(surface: str, lines, steps: int, runs: int) -> dict:
    _one(surface, lines, steps)  # warm-up
    results = [_one(surface, lines, steps) for _ in range(runs)]
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def _row(label: str, m: dict) -> str:
    return (f"{label:<34}{m['runs'] * 1e3:>9.0f}{m['figures'] * 1e3:>9.0f}"
            f"{m['json'] * 1e3:>9.0f}{m['total'] * 1e3:>9.0f}{m['kB']:>9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    steps = int(STEPS.max)
    every, _ = lab.custom_lines(list(opt.OPTIMIZERS), {})
    print(f"median of {args.runs} (ms; kB of figure JSON)")
    print(f"{'setting':<34}{'runs':>9}{'figures':>9}{'json':>9}{'total':>9}{'kB':>9}")
    for surface in opt.SURFACES:
        m = _median(surface, every, steps, args.runs)
        print(_row(f"all {len(every)} × {steps} steps, {surface}", m))
    for name, p in lab.PRESETS.items():
        print(_row(f"preset {name} ({p.steps} steps)", _median(p.surface, p.lines, p.steps,
                                                               args.runs)))


if __name__ == "__main__":
    main()
