"""Drag and watch: h and h' on a grid of one parameter, as Plotly frames under a Plotly slider.

Every frame is computed here by the NumPy core, before it is sent; dragging the slider only
swaps precomputed frames in the browser, so the curve morphs at display rate with no rerun.
Pure: returns a ``go.Figure``.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from activations import Param, Spec

from .curves import curve
from .explorer import GRAD_COLOR, H_COLOR, Labels, _line, _markers
from .style import FONT, still_layout

MORPH_VALUES = 21  # at most this many frames on the parameter's range (plus the current value)
MORPH_POINTS = 300  # per curve and frame: 21 frames x 2 curves stay small on the wire
_EMPTY: dict = {"x": [], "y": []}
_NICE = (1.0, 2.0, 2.5, 5.0)  # a step of m·10^k: the slider's labels read 0, 0.5, 1, …


def round_step(span: float, intervals: int = MORPH_VALUES - 1) -> float:
    """The smallest step of 1, 2, 2.5 or 5 times a power of ten that cuts ``span`` into at
    most ``intervals`` pieces."""
    k = math.floor(math.log10(span / intervals))
    for power in (k, k + 1):
        for m in _NICE:
            step = m * 10.0**power
            if span / step <= intervals + 1e-9:
                return step
    return 10.0 ** (k + 2)  # pragma: no cover - one of the above always fits


def morph_grid(p: Param, current: float) -> np.ndarray:
    """The multiples of a round step inside [p.min, p.max] (a step of the widget's slider at
    least), with ``current`` among them. The slider labels its first step and every k-th
    after it (k as its width allows): starting on a multiple of two steps, every other
    label reads at a round value too (ELU's α: 0.5, 1, 1.5 rather than 0.25, 0.75)."""
    step = max(round_step(p.max - p.min), p.step)
    first, last = 2 * math.ceil(p.min / (2 * step) - 1e-9), math.floor(p.max / step + 1e-9)
    grid = np.round(np.arange(first, last + 1) * step, 12)
    return np.unique(np.append(grid, round(float(current), 12)))


def _frame_traces(spec: Spec, params: dict, xmin: float, xmax: float, shown) -> list[dict]:
    """Per curve: the line, the values taken at jumps (●) and the other limits (○)."""
    traces = []
    for which, _, _, _ in shown:
        x, y, jumps = curve(spec, params, xmin, xmax, which, n_max=MORPH_POINTS)
        traces.append({"x": x, "y": y})
        at = [j.at for j in jumps]
        traces.append({"x": at, "y": [j.value for j in jumps]} if jumps else _EMPTY)
        traces.append({"x": at, "y": [j.other_limit for j in jumps]} if jumps else _EMPTY)
    return traces


def _y_range(frames: list[list[dict]]) -> list[float]:
    """One y-range for every frame, so the axes stand still while the curve moves."""
    ys = np.concatenate([np.asarray(tr["y"], dtype=float) for f in frames for tr in f
                         if len(tr["y"])])
    ys = ys[np.isfinite(ys)]
    lo, hi = float(ys.min()), float(ys.max())
    pad = 0.06 * (hi - lo or 1.0)
    return [lo - pad, hi + pad]


def make_morph_figure(spec: Spec, params: dict, name: str, xmin: float, xmax: float, *,
                      show_h: bool = True, show_grad: bool = True,
                      labels: Labels | None = None, symbol: str = "",
                      height: int = 440) -> go.Figure:
    """h and h' of ``spec`` with parameter ``name`` on a grid, one frame per grid value.

    The figure opens at the grid value nearest ``params[name]``; the Plotly slider below
    the axes swaps frames without a round trip to the server.
    """
    labels = labels or Labels()
    p = next(q for q in spec.params if q.name == name)
    grid = morph_grid(p, params[name])
    shown = [s for s in (("h", show_h, labels.h, H_COLOR), ("grad", show_grad, labels.grad,
                                                               GRAD_COLOR)) if s[1]]
    frames = [_frame_traces(spec, {**params, name: float(v)}, xmin, xmax, shown) for v in grid]
    active = int(np.argmin(np.abs(grid - params[name])))

    traces = []
    for i, (which, _, label, color) in enumerate(shown):
        line, taken, limit = frames[active][3 * i: 3 * i + 3]
        traces.append(_line(line["x"], line["y"], label, color, group=which,
                            hover=f"{label} = %{{y:.6~g}}<extra></extra>"))
        traces.append(_markers(taken["x"], taken["y"], labels.taken, group=which,
                               marker={"color": color, "size": 10, "symbol": "circle"})
                      | {"showlegend": False})
        traces.append(_markers(limit["x"], limit["y"], labels.limit, group=which,
                               marker={"color": color, "size": 10, "symbol": "circle-open",
                                       "line": {"width": 2, "color": color}})
                      | {"showlegend": False})
    names = [f"{v:g}" for v in grid]
    step_args = {"mode": "immediate", "frame": {"duration": 0, "redraw": False},
                 "transition": {"duration": 0}}
    layout = {
        "height": height, "hovermode": "x unified", "font": {"family": FONT},
        "margin": {"l": 10, "r": 10, "t": 20, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        "xaxis": {"title": {"text": "x"}, "range": [xmin, xmax], "zeroline": True},
        "yaxis": {"zeroline": True, "range": _y_range(frames)},
        "sliders": [{
            "active": active, "pad": {"t": 40}, "len": 1.0, "x": 0,
            "currentvalue": {"prefix": f"{symbol or name} = "},
            "steps": [{"label": n, "method": "animate", "args": [[n], step_args]} for n in names],
        }],
    }
    return go.Figure(data=traces, layout=still_layout(layout),
                     frames=[{"name": n, "data": f, "traces": list(range(len(traces)))}
                             for n, f in zip(names, frames, strict=True)])
