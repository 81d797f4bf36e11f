"""Figures of the gradient-flow lab. Pure: arrays and labels in, ``go.Figure`` out.

Every series is keyed by the activation's registry name, so one activation keeps one
colour in every chart; the page passes display names and axis titles in the learner's
language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from plots.style import FONT, colour, still

CLASS_COLORS = ("#2563EB", "#DC2626")  # label 0, label 1
# Lines that coincide (tanh and ReLU both at 1, three activations at 0 % dead) stay
# distinguishable: each later line is drawn narrower, in another dash, over the earlier
# ones, which show at its edges and in its gaps; its markers are another shape, open, so
# the marker beneath shows through.
_DASHES = ("solid", "dash", "dot", "dashdot")
_SYMBOLS = ("circle", "square-open", "diamond-open", "triangle-up-open")


def _line(key: str, i: int) -> dict:
    return {"color": colour(key), "width": 4.5 - 1.0 * (i % len(_DASHES)),
            "dash": _DASHES[i % len(_DASHES)]}


def _marker(key: str, i: int) -> dict:
    k = i % len(_SYMBOLS)
    return {"size": 12 - 2 * k, "symbol": _SYMBOLS[k], "color": colour(key),
            "line": {"width": 2, "color": colour(key)}}


_MANTISSAS = ((1, 2, 5), (1, 2, 3, 4, 5, 6, 7, 8, 9),
              tuple(np.round(np.arange(1.0, 10.0, 0.2), 1)),
              tuple(np.round(np.arange(1.0, 10.0, 0.05), 2)))


def _log_ticks(fig: go.Figure, *arrays: np.ndarray, **axis) -> None:
    """A log y-axis: powers of ten over many decades; over one or two, the coarsest of
    1-2-5, 1…9 or finer steps that puts at least three labelled ticks on the data."""
    vals = np.concatenate([_positive(a).ravel() for a in arrays]) if arrays else np.array([])
    vals = vals[np.isfinite(vals)]
    if vals.size == 0 or np.log10(vals.max()) - np.log10(vals.min()) > 2:
        fig.update_yaxes(type="log", exponentformat="power", **axis)
        return
    lo, hi = vals.min(), vals.max()
    decades = range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1)
    for mantissas in _MANTISSAS:
        ticks = [float(f"{m * 10.0**k:.12g}") for k in decades for m in mantissas]
        inside = [v for v in ticks if lo <= v <= hi]
        if len(inside) >= 3:
            shown = [v for v in ticks if lo / 1.25 <= v <= hi * 1.25]
            fig.update_yaxes(type="log", tickvals=shown, ticktext=[f"{v:g}" for v in shown],
                             **axis)
            return
    fig.update_yaxes(type="log", tickformat=".4g", **axis)


def _layout(fig: go.Figure, height: int, top: int = 40, **kw) -> go.Figure:
    fig.update_layout(height=height, font={"family": FONT},
                      margin={"l": 10, "r": 10, "t": top, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                      **kw)
    return still(fig)


def _positive(y: np.ndarray) -> np.ndarray:
    """A log axis cannot show 0 or NaN: leave a gap there instead of a fake value."""
    y = np.asarray(y, dtype=float)
    return np.where(np.isfinite(y) & (y > 0), y, np.nan)


def coinciding(curves: Mapping[str, np.ndarray]) -> list[list[str]]:
    """Groups (of two or more, in drawing order) of curves that are the same line."""
    groups: list[list[str]] = []
    for key, y in curves.items():
        for group in groups:
            if np.allclose(curves[group[0]], y, rtol=1e-9, atol=0, equal_nan=True):
                group.append(key)
                break
        else:
            groups.append([key])
    return [g for g in groups if len(g) > 1]


def make_depth_figure(curves: Mapping[str, np.ndarray], names: Mapping[str, str],
                      x_title: str, y_title: str, height: int = 380) -> go.Figure:
    """The product of |h'| through 1..L layers, one line per activation, on a log axis."""
    fig = go.Figure()
    for i, (key, y) in enumerate(curves.items()):
        depth = np.arange(1, len(y) + 1)
        fig.add_trace(go.Scatter(
            x=depth, y=_positive(y), mode="lines+markers" if len(y) <= 30 else "lines",
            name=names.get(key, key), line=_line(key, i), marker=_marker(key, i),
            hovertemplate="L = %{x}: %{y:.3e}<extra>" + names.get(key, key) + "</extra>",
        ))
    _log_ticks(fig, *curves.values(), title=y_title)
    fig.update_xaxes(title=x_title, rangemode="tozero")
    return _layout(fig, height, hovermode="x unified")


def make_bands_figure(key: str, quantiles: np.ndarray, x_title: str, y_title: str,
                      band_names: Sequence[str], height: int = 300) -> go.Figure:
    """The spread of one activation's outputs per layer: 5–95 % and 25–75 % bands, median.

    ``quantiles`` has shape (depth, 5): the 5, 25, 50, 75 and 95 % points of every layer.
    ``band_names`` names the outer band, the inner band and the median line.
    """
    q = np.asarray(quantiles, dtype=float)
    layer = np.arange(1, q.shape[0] + 1)
    color = colour(key)
    outer, inner, median = band_names
    fig = go.Figure()
    for lo, hi, name, alpha in ((0, 4, outer, 0.18), (1, 3, inner, 0.4)):
        # Plotly fills "tonexty" down to the trace before: the upper edge first, then the lower.
        fig.add_trace(go.Scatter(x=layer, y=q[:, hi], mode="lines", line={"width": 0},
                                 showlegend=False, hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=layer, y=q[:, lo], mode="lines", line={"width": 0},
                                 fill="tonexty", fillcolor=_rgba(color, alpha), name=name,
                                 hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=layer, y=q[:, 2], mode="lines", name=median,
                             line={"color": color, "width": 2},
                             hovertemplate="%{x}: %{y:.3g}<extra></extra>"))
    fig.update_xaxes(title=x_title)
    fig.update_yaxes(title=y_title, exponentformat="power")
    return _layout(fig, height, top=10, showlegend=False)


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def make_layer_log_figure(series: Mapping[str, np.ndarray], names: Mapping[str, str],
                          x_title: str, height: int = 340) -> go.Figure:
    """One value per layer (a standard deviation, a gradient norm), one line per activation,
    on a log axis: vanishing is a line falling towards layer 1, exploding one rising."""
    fig = go.Figure()
    for i, (key, y) in enumerate(series.items()):
        layer = np.arange(1, len(y) + 1)
        fig.add_trace(go.Scatter(
            x=layer, y=_positive(y), mode="lines", name=names.get(key, key),
            line=_line(key, i),
            hovertemplate="%{x}: %{y:.3e}<extra>" + names.get(key, key) + "</extra>",
        ))
    _log_ticks(fig, *series.values())
    fig.update_xaxes(title=x_title)
    return _layout(fig, height, hovermode="x unified")


def make_dead_figure(dead: Mapping[str, np.ndarray], names: Mapping[str, str],
                     x_title: str, y_title: str, height: int = 360) -> go.Figure:
    """The share of dead units per layer (0–100 %), one line per activation."""
    fig = go.Figure()
    for i, (key, y) in enumerate(dead.items()):
        layer = np.arange(1, len(y) + 1)
        fig.add_trace(go.Scatter(
            x=layer, y=100.0 * np.asarray(y, dtype=float), mode="lines",
            name=names.get(key, key), line=_line(key, i),
            hovertemplate="%{x}: %{y:.1f}%<extra>" + names.get(key, key) + "</extra>",
        ))
    fig.update_yaxes(title=y_title, range=[-3, 103], ticksuffix="%")
    fig.update_xaxes(title=x_title)
    return _layout(fig, height, hovermode="x unified")


def make_boundary_figure(xs: np.ndarray, ys: np.ndarray, proba: np.ndarray, X: np.ndarray,
                         y: np.ndarray, class_names: Sequence[str], proba_title: str,
                         height: int = 420) -> go.Figure:
    """p(y = 1) as a heatmap with the 0.5 contour (the decision boundary) and the points."""
    fig = go.Figure()
    fig.add_trace(go.Heatmap(
        x=xs, y=ys, z=proba, zmin=0.0, zmax=1.0, colorscale="RdBu_r", opacity=0.75,
        colorbar={"title": {"text": proba_title}, "thickness": 12, "len": 0.8},
        hovertemplate="(%{x:.2f}, %{y:.2f}) p = %{z:.3f}<extra></extra>",
    ))
    fig.add_trace(go.Contour(
        x=xs, y=ys, z=proba, contours={"start": 0.5, "end": 0.5, "size": 1, "coloring": "none"},
        line={"color": "black", "width": 2}, showscale=False, hoverinfo="skip",
        showlegend=False,
    ))
    for label, (name, color) in enumerate(zip(class_names, CLASS_COLORS, strict=True)):
        pts = X[np.asarray(y) == label]
        fig.add_trace(go.Scatter(
            x=pts[:, 0], y=pts[:, 1], mode="markers", name=name,
            marker={"color": color, "size": 6, "line": {"color": "white", "width": 1}},
            hovertemplate="(%{x:.2f}, %{y:.2f})<extra>" + name + "</extra>",
        ))
    fig.update_xaxes(range=[float(xs[0]), float(xs[-1])], showgrid=False, zeroline=False,
                     title="x₁", constrain="domain")
    fig.update_yaxes(range=[float(ys[0]), float(ys[-1])], showgrid=False, zeroline=False,
                     title="x₂", scaleanchor="x", scaleratio=1, constrain="domain")
    return _layout(fig, height)


def make_loss_figure(losses: np.ndarray, x_title: str, y_title: str, name: str,
                     height: int = 420, total: int | None = None) -> go.Figure:
    """The training loss per step on a log axis (a stalled loss is a flat line); ``total``
    fixes the step axis to the whole run, so a run in progress grows along it."""
    y = np.asarray(losses, dtype=float)
    fig = go.Figure(go.Scatter(
        x=np.arange(1, len(y) + 1), y=_positive(y), mode="lines", name=name,
        line={"color": "#0F766E", "width": 2},
        hovertemplate="%{x}: %{y:.4g}<extra></extra>",
    ))
    _log_ticks(fig, y, title=y_title)
    fig.update_xaxes(title=x_title, range=[0, total] if total else None)
    return _layout(fig, height, showlegend=False)
