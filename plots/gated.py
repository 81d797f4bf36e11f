"""The gated activations' figure: the output against the first half a, one line per b.

Two panels share the a axis and the lines' colours: GLU a·σ(b) above (b opens or shuts the
gate: every line is straight, with slope σ(b) between 0 and 1), SwiGLU Swish(a)·b below
(b is a multiplier: the curve of Swish, stretched and flipped by b).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from activations.gated import glu, swiglu
from plots.style import still_layout

A_RANGE = (-4.0, 4.0)
B_VALUES = (4.0, 1.0, 0.0, -1.0, -4.0)  # the gate wide open first, shut last
GATE_OPEN, GATE_SHUT = B_VALUES[0], B_VALUES[-1]
_POINTS = 161  # a step of 0.05: smooth at any width
# Blue for an open gate to red for a shut one, each with its own dash (not by colour alone).
_COLOURS = ("#1D4ED8", "#3B82F6", "#64748B", "#F97316", "#B91C1C")
_DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
_PANEL_PX = 250


def a_grid() -> np.ndarray:
    return np.linspace(*A_RANGE, _POINTS)


def outputs(b: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """a, GLU(a, b) and SwiGLU(a, b) along the a grid, for one value of b: from the core."""
    a = a_grid()
    x = np.concatenate([a, np.full_like(a, b)])
    return a, glu(x), swiglu(x)


def gate_facts() -> dict[str, float]:
    """The caption's numbers: the open and the shut b, and the gate σ(b) = GLU(1, b) of each."""
    return {"b_open": GATE_OPEN, "sigma_open": float(glu([1.0, GATE_OPEN])[0]),
            "b_shut": GATE_SHUT, "sigma_shut": float(glu([1.0, GATE_SHUT])[0])}


def make_gated_figure(labels: dict[str, str]) -> go.Figure:
    """GLU (top) and SwiGLU (bottom) against a, one line per b in ``B_VALUES``.

    ``labels`` has keys ``glu``, ``swiglu`` (panel titles), ``x``, ``y`` and ``b`` (the
    legend's "b = {b}"): language is the page's business.
    """
    traces = []
    for i, b in enumerate(B_VALUES):
        a, y_glu, y_swiglu = outputs(b)
        name = labels["b"].format(b=f"{b:g}".replace("-", "−"))  # a minus sign, not a hyphen
        line = {"color": _COLOURS[i], "width": 2.5, "dash": _DASHES[i]}
        for y, axes, legend in ((y_glu, ("x", "y"), True), (y_swiglu, ("x2", "y2"), False)):
            traces.append(dict(
                type="scatter", x=a, y=y, mode="lines", name=name, legendgroup=name,
                showlegend=legend, xaxis=axes[0], yaxis=axes[1], line=line,
                hovertemplate=f"{name}<br>a = %{{x:.2f}}: %{{y:.4g}}<extra></extra>",
            ))
    gap = 0.14
    half = (1 - gap) / 2
    titles = [(labels["glu"], "y"), (labels["swiglu"], "y2")]
    layout = {
        "xaxis": {"range": list(A_RANGE), "anchor": "y", "matches": "x2", "showticklabels": False,
                  "zeroline": True},
        "yaxis": {"domain": [half + gap, 1.0], "anchor": "x", "title": {"text": labels["y"]},
                  "zeroline": True},
        "xaxis2": {"range": list(A_RANGE), "anchor": "y2", "title": {"text": labels["x"]},
                   "zeroline": True},
        "yaxis2": {"domain": [0.0, half], "anchor": "x2", "title": {"text": labels["y"]},
                   "zeroline": True},
        # each panel's name just above it, at its left edge
        "annotations": [{"text": f"<b>{text}</b>", "x": 0, "xref": "paper", "xanchor": "left",
                         "y": 1.0, "yref": f"{axis} domain", "yanchor": "bottom",
                         "showarrow": False, "font": {"size": 14}} for text, axis in titles],
        "height": 2 * _PANEL_PX + 170, "hovermode": "x unified",
        "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.06, "x": 0},
    }
    return go.Figure(data=traces, layout=still_layout(layout))
