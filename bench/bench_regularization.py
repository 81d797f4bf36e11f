"""Time every setting /regularization offers, uncached: CPU and wall time per computation.

Usage: OPENBLAS_NUM_THREADS=1 python bench/bench_regularization.py
(the app sets one BLAS thread in preload.py). Target: each under ~1 s. CPU time is the
figure to read on a shared machine; wall time counts other processes' turns too.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gradflow import init_bn, overfit  # noqa: E402


def timed(fn):
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    rows = []
    for a in init_bn.ACTIVATIONS:
        for i in init_bn.INITS:
            for bn in (False, True):
                s = init_bn.Setting(a, i, bn)
                rows.append((f"① {a} {i} bn={bn}", *timed(lambda s=s: init_bn.experiment(s))))
    cfgs = [overfit.OverfitConfig()]
    cfgs += [overfit.OverfitConfig(m, v) for m, vs in overfit.OFFERED.items() if m in overfit.METHODS
             for v in vs]
    for cfg in cfgs:
        rows.append((f"② {cfg.method} {cfg.strength:g}", *timed(lambda c=cfg: overfit.train(c))))
    for name, cpu, wall in rows:
        print(f"{name:32s} cpu {cpu * 1e3:7.0f} ms   wall {wall * 1e3:7.0f} ms")
    print(f"max cpu {max(r[1] for r in rows) * 1e3:.0f} ms, max wall {max(r[2] for r in rows) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
