"""Figures of the regularisation lab: activation histograms per layer (with and without
batch normalisation), loss curves, and a decision boundary. Every number drawn comes from
``gradflow.init_bn`` or ``gradflow.overfit``; labels come in from the page, translated."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from gradflow.init_bn import Result
from gradflow.overfit import GRID, PLANE, OverfitRun
from plots.style import still, still_layout

COLOURS = {"plain": "#3B82F6", "bn": "#16A34A", "train": "#3B82F6", "val": "#F97316"}
_MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}


def make_histogram_figure(result: Result, layer_title: str, zero_note: str, y_title: str,
                          colour: str = COLOURS["plain"], y_top: float | None = None) -> go.Figure:
    """The layers' histograms side by side, as in the textbook's figures.

    ``layer_title`` has a ``{layer}`` field; ``zero_note`` a ``{share}`` field (ReLU's exact
    zeros, left out of the bars). Bars are the fraction of all the layer's values; ``y_top``
    shares one y scale between figures. ReLU's layers share one x range (``init_bn.relu_top``),
    so a growing or vanishing spread shows; ticks are plain numbers (no SI "µ" or "k").
    """
    return go.Figure(**histogram_spec(result, layer_title, zero_note, y_title, colour, y_top))


def histogram_spec(result: Result, layer_title: str, zero_note: str, y_title: str,
                   colour: str = COLOURS["plain"], y_top: float | None = None) -> dict:
    """:func:`make_histogram_figure`'s ``data`` and ``layout``, for a figure built without
    Plotly's checks (plots.shared_figure.unchecked). One row of panels sharing the y axis."""
    n = len(result.histograms)
    gap = 0.05  # between panels, as a fraction of the width
    width = (1 - gap * (n - 1)) / n
    top = y_top or max(float(h.share.max()) for h in result.histograms) or 1.0
    relu = result.setting.activation == "relu"
    data, titles, notes = [], [], []
    layout = {"height": 230, "margin": _MARGIN, "bargap": 0}
    for c, h in enumerate(result.histograms, start=1):
        axis = "" if c == 1 else str(c)
        left = (c - 1) * (width + gap)
        data.append({"type": "bar", "x": (h.edges[:-1] + h.edges[1:]) / 2, "y": h.share,
                     "width": np.diff(h.edges), "marker": {"color": colour},
                     "showlegend": False, "hovertemplate": "%{x:.3g}: %{y:.1%}<extra></extra>",
                     "xaxis": f"x{axis}", "yaxis": f"y{axis}"})
        layout[f"xaxis{axis}"] = {
            "anchor": f"y{axis}", "domain": [left, left + width],
            "range": [float(h.edges[0]), float(h.edges[-1])], "tickfont": {"size": 9},
            "nticks": 3, "exponentformat": "none", "separatethousands": True}
        yaxis = {"anchor": f"x{axis}", "domain": [0.0, 1.0], "range": [0, top * 1.1],
                 "tickformat": ".0%"}
        if c == 1:
            yaxis["title"] = {"text": y_title}
        else:
            yaxis.update(matches="y", showticklabels=False)
        layout[f"yaxis{axis}"] = yaxis
        titles.append({"text": layer_title.format(layer=c), "x": left + width / 2, "y": 1.0,
                       "xref": "paper", "yref": "paper", "xanchor": "center",
                       "yanchor": "bottom", "showarrow": False, "font": {"size": 11}})
        if relu:
            notes.append({"text": zero_note.format(share=h.zero_share), "showarrow": False,
                          "xref": f"x{axis} domain", "yref": f"y{axis} domain", "x": 0.98,
                          "y": 0.98, "xanchor": "right", "yanchor": "top",
                          "font": {"size": 11}})
    layout["annotations"] = titles + notes
    return {"data": data, "layout": still_layout(layout)}


def make_loss_figure(curves: dict[str, tuple[np.ndarray, str, bool]], stop_epoch: int | None,
                     stop_label: str, x_title: str, y_title: str) -> go.Figure:
    """Loss against epoch: {name: (losses, colour, faint)}; a marker at ``stop_epoch`` on the
    last curve (the validation loss of the run shown), where early stopping keeps the weights."""
    traces = []
    for name, (losses, colour, faint) in curves.items():
        traces.append(dict(type="scatter", mode="lines", x=np.arange(1, len(losses) + 1),
                           y=losses, name=name, opacity=0.35 if faint else 1.0,
                           line={"color": colour, "dash": "dot" if faint else "solid"},
                           hovertemplate="%{x}: %{y:.4f}<extra>" + name + "</extra>"))
    if stop_epoch is not None:
        losses = list(curves.values())[-1][0]
        traces.append(dict(type="scatter", mode="markers", x=[stop_epoch + 1],
                           y=[losses[stop_epoch]], name=stop_label,
                           marker={"symbol": "star", "size": 14, "color": "#E11D48"},
                           hovertemplate="%{x}: %{y:.4f}<extra>" + stop_label + "</extra>"))
    # The first epochs of a large step can spike: scale to what follows the first 2 %.
    top = max(float(np.max(v[0][len(v[0]) // 50:])) for v in curves.values())
    return go.Figure(data=traces, layout=still_layout({
        "height": 300, "margin": _MARGIN,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {"title": {"text": y_title}, "range": [0, 1.15 * top]},
    }))


def make_boundary_figure(panels: list[tuple[str, OverfitRun]], class_names: tuple[str, str]) -> go.Figure:
    """Side by side, one contour of P(class 1) over the plane per trained run, with the
    training points coloured by class and the 0.5 line (the decision boundary) drawn."""
    axis = np.linspace(*PLANE, GRID)
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=[t for t, _ in panels],
                        horizontal_spacing=0.04)
    for c, (_, run) in enumerate(panels, start=1):
        fig.add_trace(go.Contour(x=axis, y=axis, z=run.grid, zmin=0, zmax=1,
                                 colorscale=[[0, "#BFDBFE"], [0.5, "#FFFFFF"], [1, "#FED7AA"]],
                                 contours={"start": 0.5, "end": 0.5, "size": 1,
                                           "coloring": "heatmap"},
                                 line={"width": 2, "color": "#334155"}, showscale=False,
                                 hovertemplate="P = %{z:.2f}<extra></extra>"), row=1, col=c)
        for label, colour in ((0, "#2563EB"), (1, "#EA580C")):
            pts = run.X[run.y == label]
            fig.add_trace(go.Scatter(x=pts[:, 0], y=pts[:, 1], mode="markers",
                                     name=class_names[label], showlegend=c == 1,
                                     marker={"color": colour, "size": 8,
                                             "line": {"width": 1, "color": "white"}},
                                     hoverinfo="skip"), row=1, col=c)
    fig.update_xaxes(range=list(PLANE), constrain="domain")
    fig.update_yaxes(range=list(PLANE), scaleanchor="x", constrain="domain")
    for c in range(2, len(panels) + 1):
        fig.update_yaxes(scaleanchor=f"x{c}", row=1, col=c)
    # The legend sits at the figure's bottom edge, in a margin of its own under the tick
    # labels (at y < 0 of the plot it covered them whenever the height set the plot's size).
    fig.update_layout(height=360, margin={**_MARGIN, "b": 46},
                      legend={"orientation": "h", "yref": "container", "yanchor": "bottom",
                              "y": 0, "x": 0})
    return still(fig)
