"""Time every activation and derivative on 10⁶ float64 points next to the closest SciPy ufunc.

Usage: python bench/bench_activations.py [--n 1000000] [--repeat 15]
Prints the median time of each and the ratio to its SciPy baseline (target: ≤ 3×).
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

import numpy as np
import scipy.special as sc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import activations as act  # noqa: E402


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    return float(np.median(timeit.repeat(fn, number=1, repeat=repeat))) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=15)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    x = rng.normal(scale=5.0, size=a.n)
    logits = x.reshape(-1, 1000)  # 10³ rows of 10³ classes

    baselines = {
        "expit": lambda: sc.expit(x),
        "x*ndtr(x)": lambda: x * sc.ndtr(x),
        "scipy softmax": lambda: sc.softmax(logits, axis=-1),
        "scipy log_softmax": lambda: sc.log_softmax(logits, axis=-1),
    }
    base_ms = {k: _median_ms(f, a.repeat) for k, f in baselines.items()}

    rows = []
    for name, spec in act.REGISTRY.items():
        if spec.kind == "vector":
            base = f"scipy {name}"
            rows.append((name, base, _median_ms(lambda f=spec.fn: f(logits), a.repeat)))
            continue
        base = "x*ndtr(x)" if name == "gelu" else "expit"
        for fn in (spec.fn, spec.grad):
            rows.append((fn.__name__, base, _median_ms(lambda f=fn: f(x), a.repeat)))

    print(f"n = {a.n:,} float64 points, median of {a.repeat} runs")
    print(f"{'function':<18}{'ms':>9}   {'baseline':<18}{'ms':>9}{'ratio':>8}")
    worst = 0.0
    for fn_name, base, ms in rows:
        ratio = ms / base_ms[base]
        worst = max(worst, ratio)
        flag = "" if ratio <= 3 else "  > 3x"
        print(f"{fn_name:<18}{ms:9.2f}   {base:<18}{base_ms[base]:9.2f}{ratio:8.2f}{flag}")
    print(f"worst ratio: {worst:.2f}")


if __name__ == "__main__":
    main()
