"""The explorer's figure: h and h' of one function, honest at jumps, with a probe and its tangent.

Pure: takes a Spec and plain values, returns a ``go.Figure`` (the page only draws it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from activations import Spec

from .curves import curve
from .style import FONT, still_layout

H_COLOR = "#3B82F6"  # mid-tone blue and orange read on both the light and the dark theme
GRAD_COLOR = "#F97316"
PROBE_COLOR = "#E11D48"
TANGENT_COLOR = "#16A34A"
# Points per trace (the sampler's cap is 2,000): 1,000 already draws every curve here smoothly
# on any range, and half the points is half the bytes sent on every slider move.
CURVE_POINTS = 1000
REFERENCE_POINTS = 400  # the faint default curve needs even fewer
# Markers for click-to-select only: one drawn at most (maxdisplayed), and that one invisible.
CLICKABLE = {"mode": "lines+markers",
             "marker": {"size": 1, "opacity": 0, "maxdisplayed": 1},
             "selected": {"marker": {"opacity": 0}}, "unselected": {"marker": {"opacity": 0}}}
TANGENT_HALF_WIDTH = 0.15  # of the x-range: long enough to read the slope, short enough to stay local


@dataclass(frozen=True)
class Labels:
    """Trace names; the page passes them in the learner's language."""

    h: str = "h(x)"
    grad: str = "h'(x)"
    reference: str = "default"  # suffix of the faint default curves
    tangent: str = "tangent at x₀"
    probe: str = "x₀"
    taken: str = "value taken at the kink"
    limit: str = "limit from the other side"


@dataclass(frozen=True)
class Probe:
    """h and h' at x₀, and whether x₀ sits on a jump (where the shown value is a convention).

    ``h_other`` / ``grad_other`` are the limits from the right, for the note at a jump.
    """

    x0: float
    h: float
    grad: float
    h_jumps: bool = False
    grad_jumps: bool = False
    h_other: float = float("nan")
    grad_other: float = float("nan")


def probe(spec: Spec, params: dict, x0: float) -> Probe:
    x0 = float(x0)
    on_kink = x0 in spec.kinks
    right = float(np.nextafter(x0, np.inf))
    return Probe(x0, float(spec.fn(x0, **params)), float(spec.grad(x0, **params)),
                 on_kink and spec.h_jump, on_kink and spec.grad_jump(params),
                 float(spec.fn(right, **params)), float(spec.grad(right, **params)))


def tangent_latex(p: Probe) -> str:
    """The tangent at the probe as LaTeX: y = 0.196612x + 0.534447, y = x, y = 0."""
    slope, intercept = p.grad, p.h - p.grad * p.x0
    terms = []
    if slope != 0:
        terms.append("x" if slope == 1 else "-x" if slope == -1 else f"{slope:.6g}x")
    if intercept != 0 or not terms:
        number = f"{abs(intercept):.6g}" if terms else f"{intercept:.6g}"
        terms.append(("- " if intercept < 0 else "+ ") + number if terms else number)
    return "y = " + " ".join(terms)


def tangent_segment(p: Probe, xmin: float, xmax: float) -> tuple[np.ndarray, np.ndarray]:
    """Two points of y = h(x₀) + h'(x₀)(x − x₀) around x₀, clipped to the plotted range."""
    half = TANGENT_HALF_WIDTH * (xmax - xmin)
    x = np.array([max(xmin, p.x0 - half), min(xmax, p.x0 + half)])
    return x, p.h + p.grad * (x - p.x0)


def _line(x, y, name, color, *, faint=False, group=None, hover=None, custom=None) -> dict:
    return {
        "type": "scatter", "x": x, "y": y, "name": name, "mode": "lines", "legendgroup": group,
        # simplify off: Plotly's pixel-tolerance thinning leaves visible corners on smooth curves
        "line": {"color": color, "width": 2 if faint else 2.6, "dash": "dot" if faint else "solid",
                 "simplify": False},
        "opacity": 0.6 if faint else 1.0, "customdata": custom,
        "hovertemplate": hover, "hoverinfo": "skip" if hover is None else None,
        "connectgaps": False,  # a NaN is a jump: the line must break there
    }


def _markers(x, y, name, marker: dict, group=None) -> dict:
    return {"type": "scatter", "x": x, "y": y, "name": name, "mode": "markers",
            "legendgroup": group, "hoverinfo": "skip", "marker": marker}


def _jump_markers(jumps, color: str, labels: Labels, group: str) -> list[dict]:
    """Filled: the value the convention takes at the kink. Open: the limit from the other side."""
    if not jumps:
        return []
    at = [j.at for j in jumps]
    taken = _markers(at, [j.value for j in jumps], labels.taken, group=group,
                     marker={"color": color, "size": 10, "symbol": "circle"})
    limit = _markers(at, [j.other_limit for j in jumps], labels.limit, group=group,
                     marker={"color": color, "size": 10, "symbol": "circle-open",
                             "line": {"width": 2, "color": color}})
    return [taken | {"showlegend": False}, limit | {"showlegend": False}]


def make_explorer_figure(spec: Spec, params: dict, xmin: float, xmax: float, *,
                         show_h: bool = True, show_grad: bool = True, x0: float | None = None,
                         labels: Labels | None = None, height: int = 440,
                         clickable: bool = False) -> go.Figure:
    """h and h' of an elementwise ``spec`` on [xmin, xmax].

    Lines break at jumps, with the convention value (filled) and the other limit (open)
    marked; a parameter off its default brings the default curve back as a faint dotted
    reference; ``x0`` adds the probe: markers at (x₀, h(x₀)), (x₀, h'(x₀)) and the tangent.
    ``clickable`` lets a click select a point of h or h' (Plotly selects markers only, so the
    curves get markers that are neither drawn nor seen).
    """
    labels = labels or Labels()
    defaults = spec.defaults()
    moved = params != defaults
    traces: list[dict] = []
    shown = [("h", show_h, labels.h, H_COLOR), ("grad", show_grad, labels.grad, GRAD_COLOR)]
    # Hover shows x, h and h' together: a curve drawn alone carries the other in customdata.
    both = show_h and show_grad
    for which, visible, name, color in shown:
        if not visible:
            continue
        if moved:
            x, y, _ = curve(spec, defaults, xmin, xmax, which, n_max=REFERENCE_POINTS)
            traces.append(_line(x, y, f"{name}（{labels.reference}）", color, faint=True,
                                group=f"ref-{which}"))
        x, y, jumps = curve(spec, params, xmin, xmax, which, n_max=CURVE_POINTS)
        hover, custom = f"{name} = %{{y:.6~g}}<extra></extra>", None
        if not both:
            other_fn, other_name = (spec.grad, labels.grad) if which == "h" else (spec.fn, labels.h)
            custom = other_fn(x, **params)
            hover = f"{name} = %{{y:.6~g}}<br>{other_name} = %{{customdata:.6~g}}<extra></extra>"
        traces.append(_line(x, y, name, color, group=which, hover=hover, custom=custom)
                      | (CLICKABLE if clickable else {}))
        traces.extend(_jump_markers(jumps, color, labels, which))

    if x0 is not None and (show_h or show_grad):
        p = probe(spec, params, x0)
        if show_h:
            tx, ty = tangent_segment(p, xmin, xmax)
            traces.append({"type": "scatter", "x": tx, "y": ty, "mode": "lines",
                           "name": labels.tangent, "hoverinfo": "skip",
                           "line": {"color": TANGENT_COLOR, "width": 2, "dash": "dash"}})
        px = [p.x0 for _, visible, _, _ in shown if visible]
        py = [v for (_, visible, _, _), v in zip(shown, (p.h, p.grad), strict=True) if visible]
        traces.append(_markers(px, py, labels.probe,
                               {"color": PROBE_COLOR, "size": 11, "symbol": "diamond",
                                "line": {"width": 1, "color": "white"}}))

    layout = {
        "height": height, "hovermode": "x unified", "font": {"family": FONT},
        "margin": {"l": 10, "r": 10, "t": 20, "b": 10},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.16, "xanchor": "left", "x": 0},
        "xaxis": {"title": {"text": "x"}, "range": [xmin, xmax], "zeroline": True,
                  "hoverformat": ".6~g"},
        "yaxis": {"zeroline": True},
    }
    # One constructor call with plain dicts: adding traces and updating the layout one by
    # one costs Plotly's validation many times over (about 3x slower per rerun).
    return go.Figure(data=traces, layout=still_layout(layout))
