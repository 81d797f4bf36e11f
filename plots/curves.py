"""Sample h or h' over an x-range: adaptive, exact at the kinks, broken at the jumps.

A plotted line must not pretend a discontinuous function is continuous: at a jump the
trace gets a NaN gap (Plotly breaks the line there), and the value the convention takes at
the kink is a separate point the page marks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from activations import Spec

MAX_POINTS = 2000
_CORE = 10.0  # where every activation does its interesting bending


def sample_x(xmin: float, xmax: float, kinks=(), n_max: int = MAX_POINTS) -> np.ndarray:
    """Sorted x in [xmin, xmax], at most n_max points, with every kink in range included.

    On a wide range, half the points go to [-10, 10] so the shape near 0 survives.
    """
    if not xmin < xmax:
        raise ValueError(f"need xmin < xmax, got {xmin} and {xmax}")
    inside = [k for k in kinks if xmin < k < xmax]
    budget = n_max - 2 * len(inside) - 2
    lo, hi = max(xmin, -_CORE), min(xmax, _CORE)
    if lo < hi and (hi - lo) < 0.5 * (xmax - xmin):
        core = np.linspace(lo, hi, budget // 2)
        rest = np.linspace(xmin, xmax, budget - core.size)
        x = np.concatenate([core, rest])
    else:
        x = np.linspace(xmin, xmax, budget)
    return np.unique(np.concatenate([x, inside, [xmin, xmax]]))


@dataclass(frozen=True)
class Jump:
    """A discontinuity at x = at: the value taken there and the limit from the other side."""

    at: float
    value: float
    other_limit: float


def _jumps(spec: Spec, params: dict, which: str) -> list[float]:
    jumps = spec.h_jump if which == "h" else spec.grad_jump(params)
    return list(spec.kinks) if jumps else []


def curve(spec: Spec, params: dict, xmin: float, xmax: float, which: str = "h",
          n_max: int = MAX_POINTS):
    """(x, y, jumps) for h (``which="h"``) or h' (``"grad"``) of an elementwise spec.

    y is NaN just right of each jump, so the line breaks instead of drawing a vertical edge.
    """
    fn = spec.fn if which == "h" else spec.grad
    x = sample_x(xmin, xmax, spec.kinks, n_max)
    y = fn(x, **params)
    jumps = []
    for k in _jumps(spec, params, which):
        if not xmin < k < xmax:
            continue
        right = float(np.nextafter(k, np.inf))
        i = int(np.searchsorted(x, k, side="right"))
        x = np.insert(x, i, [k, right])
        y = np.insert(y, i, [np.nan, float(fn(right, **params))])
        jumps.append(Jump(k, float(fn(k, **params)), float(fn(right, **params))))
    return x, y, jumps
