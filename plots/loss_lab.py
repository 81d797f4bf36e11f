"""Figures of the loss lab: a loss and its derivative against the prediction, |∂E/∂a| against
the logit for two pairings, and the two routes to softmax + cross-entropy's gradient as bars.

Plain dicts in one go.Figure call (as plots/softmax_lab.py): each update_* would validate
again, which every rerun pays for. Curves are drawn from the arrays they are given; the
probe is a marker trace named ``probe_name`` so tests and the browser can find it.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from plots.style import FONT, still_layout

BCE_COLOUR, SE_COLOUR = "#3B82F6", "#F97316"
GRAD_RANGE = 10.0  # BCE's ∂E/∂y runs to ±1000 at the slider's ends: show ±10, the table has all
_LEGEND = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}
_MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}


def _line(x, y, name: str, colour: str, axes: str = "", dash: str = "solid") -> dict:
    return dict(type="scatter", mode="lines", x=np.asarray(x, float), y=np.asarray(y, float),
                name=name, line={"color": colour, "width": 2.5, "dash": dash},
                xaxis="x" + axes, yaxis="y" + axes, legendgroup=name, showlegend=not axes,
                hovertemplate="%{x:.4g}: %{y:.6g}<extra>" + name + "</extra>")


def _probe(x: float, ys: list[float], colours: list[str], name: str, axes: str = "") -> dict:
    return dict(type="scatter", mode="markers", x=[x] * len(ys), y=ys, name=name,
                marker={"size": 12, "color": colours, "line": {"width": 2, "color": "white"}},
                xaxis="x" + axes, yaxis="y" + axes, showlegend=False, cliponaxis=False,
                hovertemplate="%{x:.4g}: %{y:.6g}<extra>" + name + "</extra>")


def make_loss_figure(curves, probe, names: dict[str, str]) -> go.Figure:
    """E (top) and ∂E/∂y (bottom) against the prediction y, BCE and ½(y − t)², with the probe.

    ``names``: bce, se (legend), loss, grad (y-axis titles), y (x-axis title), probe.
    """
    data = [
        _line(curves.y, curves.bce, names["bce"], BCE_COLOUR),
        _line(curves.y, curves.se, names["se"], SE_COLOUR),
        _line(curves.y, curves.bce_grad, names["bce"], BCE_COLOUR, axes="2"),
        _line(curves.y, curves.se_grad, names["se"], SE_COLOUR, axes="2"),
        _probe(probe.y, [probe.bce, probe.se], [BCE_COLOUR, SE_COLOUR], names["probe"]),
        _probe(probe.y, [probe.bce_grad, probe.se_grad], [BCE_COLOUR, SE_COLOUR],
               names["probe"], axes="2"),
    ]
    top = float(np.max(curves.bce[np.isfinite(curves.bce)]))
    return go.Figure(data=data, layout=still_layout({
        "height": 420, "margin": _MARGIN, "legend": _LEGEND, "font": {"family": FONT},
        "hovermode": "closest",
        "xaxis": {"anchor": "y", "range": [0, 1], "showticklabels": False, "matches": "x2"},
        "yaxis": {"domain": [0.57, 1.0], "title": {"text": names["loss"]},
                  "range": [0, max(top, 1.0) * 1.05]},
        "xaxis2": {"anchor": "y2", "range": [0, 1], "title": {"text": names["y"]}},
        "yaxis2": {"domain": [0.0, 0.43], "title": {"text": names["grad"]},
                   "range": [-GRAD_RANGE, GRAD_RANGE], "zeroline": True},
    }))


def make_logit_figure(curves, probe, names: dict[str, str]) -> go.Figure:
    """|∂E/∂a| against the logit a for sigmoid + BCE and sigmoid + MSE, with the probe.

    ``names``: bce, mse (legend), grad (y-axis title), a (x-axis title), probe.
    """
    data = [
        _line(curves.a, curves.bce, names["bce"], BCE_COLOUR),
        _line(curves.a, curves.mse, names["mse"], SE_COLOUR),
        _probe(probe.a, [abs(probe.bce), abs(probe.mse)], [BCE_COLOUR, SE_COLOUR],
               names["probe"]),
    ]
    return go.Figure(data=data, layout=still_layout({
        "height": 360, "margin": _MARGIN, "legend": _LEGEND, "font": {"family": FONT},
        "hovermode": "closest",
        "xaxis": {"title": {"text": names["a"]}, "range": [float(curves.a[0]), float(curves.a[-1])]},
        "yaxis": {"title": {"text": names["grad"]}, "range": [0, 1.05]},
        "shapes": [{"type": "line", "x0": probe.a, "x1": probe.a, "y0": 0, "y1": 1,
                    "yref": "paper", "line": {"dash": "dot", "width": 1, "color": "#64748B"}}],
    }))


def _spelled(v: float) -> str:
    return "NaN" if np.isnan(v) else ("inf" if v > 0 else "-inf")


def make_routes_figure(labels: list[str], fused: np.ndarray, via_jacobian: np.ndarray,
                       names: dict[str, str]) -> go.Figure:
    """∂E/∂a per class by both routes, as grouped bars: they stand at the same height.

    ``names``: fused, jacobian (legend), grad (y-axis title), class (x-axis title). Where the
    Jacobian route is not finite (−t/y overflowed) an annotation gives its value.
    """
    bars = []
    for values, name, colour in ((fused, names["fused"], BCE_COLOUR),
                                 (via_jacobian, names["jacobian"], SE_COLOUR)):
        values = np.asarray(values, dtype=float)
        bars.append(dict(type="bar", x=labels, y=values, name=name, marker={"color": colour},
                         # no values on the bars: the table has them (on a phone they overlap)
                         hovertemplate="%{x}: %{y:.6g}<extra>" + name + "</extra>"))
    # Plotly draws no NaN or inf bar: write the value where the Jacobian route's bar is missing
    # (x is the category's index: the second bar of a group of two stands at index + 0.2)
    broken = [{"x": i + 0.2, "y": 0, "text": _spelled(v), "showarrow": False, "yshift": 12,
               "font": {"color": SE_COLOUR}}
              for i, v in enumerate(np.asarray(via_jacobian, dtype=float)) if not np.isfinite(v)]
    return go.Figure(data=bars, layout=still_layout({
        "annotations": broken, "barmode": "group", "height": 360, "margin": _MARGIN, "legend": _LEGEND,
        "font": {"family": FONT}, "xaxis": {"type": "category", "title": {"text": names["class"]}},
        "yaxis": {"title": {"text": names["grad"]}, "range": [-1.2, 1.2]},
    }))
