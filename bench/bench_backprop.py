"""How fast /backprop answers: a step of the graph and a switch of the planted bug, each a
whole script run in AppTest (a browser reruns only the fragment, so less), and the gradient
check alone. Prints median and max seconds; run from the project root:

    python bench/bench_backprop.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from backprop.bugs import BUGS, gradient_check  # noqa: E402
from tests.apptest import open_page  # noqa: E402


def timed(fn, n: int) -> str:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return f"median {statistics.median(times):.3f} s, max {max(times):.3f} s (n = {n})"


at = open_page("backprop")
at.selectbox(key="backprop.example").set_value("net").run()


def step() -> None:
    slider = at.slider(key="backprop.step.net")
    slider.set_value((slider.value + 1) % 9).run()


print("step the network graph:", timed(step, 20))
turn = iter(range(10**6))
print("switch the planted bug:",
      timed(lambda: at.radio(key="backprop.bug").set_value(BUGS[next(turn) % 4]).run(), 20))
x, t = np.array([[1.0, 0.5], [-1.2, 0.8]]), np.array([0, 2])
print("gradient check alone:  ", timed(lambda: gradient_check(x, t, 2), 50))
