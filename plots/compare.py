"""The compare page's figure: several functions' h or h' overlaid, and where each saturates.

Saturation is where |h'(x)| < 0.01 on the sampled grid: there a layer passes back less than
1 % of the gradient. Each function gets a lane under the curves with its saturated stretches
filled in its own colour, so overlapping functions never hide each other's bands.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

import activations as act
from plots.curves import curve, sample_x
from plots.style import colour, still_layout

SATURATION = 0.01  # |h'| below this counts as saturated
CURVE_POINTS = 1000  # per drawn line: smooth at any width, half the JSON of every rerun
# A lane (one unit of its axis, drawn top down) holds the function's name in its upper half
# and its band in the lower half: a name drawn over the band would hide where it starts.
LANE_BAND = (0.02, 0.44)  # the band's top and bottom, from the lane's centre, in lane units
LANE_LABEL_Y = -0.22  # the name's centre, from the lane's centre
LANE_FONT = 11
_CURVES_PX, _LANE_PX = 380, 36  # the curves' panel and each lane: with the h / h' switch, one phone screen
# Curves that coincide (ReLU' and ELU' for x > 0, the zero derivatives) stay distinguishable.
_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")


def _crossing(x: np.ndarray, g: np.ndarray, i: int, kinks: tuple, jumps: bool,
              threshold: float) -> float:
    """Where |h'| crosses the threshold between x[i] and x[i + 1] (linear interpolation).

    Across a jump of h' there is no crossing to interpolate: the region ends at the kink.
    """
    if jumps:
        for k in kinks:
            if x[i] <= k <= x[i + 1]:
                return float(k)
    a, b = g[i], g[i + 1]
    if not (np.isfinite(a) and np.isfinite(b)) or a == b:
        return float(x[i])
    return float(x[i] + (threshold - a) * (x[i + 1] - x[i]) / (b - a))


def saturation_regions(spec: act.Spec, params: dict, xmin: float, xmax: float,
                       threshold: float = SATURATION) -> list[tuple[float, float]]:
    """Closed intervals of [xmin, xmax] where |h'(x)| < threshold, from h' on the sampled grid.

    Ends inside the range are refined by linear interpolation between neighbouring samples.
    """
    x = sample_x(xmin, xmax, spec.kinks)
    g = np.abs(spec.grad(x, **params))
    with np.errstate(invalid="ignore"):
        saturated = g < threshold  # NaN counts as not saturated
    if not saturated.any():
        return []
    edges = np.diff(np.concatenate([[0], saturated.astype(np.int8), [0]]))
    jumps = spec.grad_jump(params)
    regions = []
    for s, e in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1, strict=True):
        lo = float(x[0]) if s == 0 else _crossing(x, g, s - 1, spec.kinks, jumps, threshold)
        hi = float(x[-1]) if e == x.size - 1 else _crossing(x, g, e, spec.kinks, jumps, threshold)
        regions.append((lo, hi))
    return regions


def _lane_shape(regions: list[tuple[float, float]], lane: int) -> tuple[list, list]:
    """x, y of filled rectangles (separated by None) covering the regions in one lane."""
    xs: list = []
    ys: list = []
    lo_y, hi_y = lane + LANE_BAND[0], lane + LANE_BAND[1]
    for a, b in regions:
        xs += [a, b, b, a, a, None]
        ys += [lo_y, lo_y, hi_y, hi_y, lo_y, None]
    return xs, ys


def make_compare_figure(names: list[str], which: str, xmin: float, xmax: float,
                        labels: dict[str, str], axis_titles: dict[str, str]) -> go.Figure:
    """Overlay h (``which="h"``) or h' (``"grad"``) of the named elementwise functions.

    Under the curves, one lane per function marks where |h'| < SATURATION. ``labels`` maps
    a function to its legend name; ``axis_titles`` has keys x, y, lanes (language is the
    page's business). Parameters are the registry defaults.
    """
    # One go.Figure built in one call, from plain dicts: make_subplots and add_trace(row=,
    # col=) cost ~30 ms of validation per rerun, and go.Scatter objects are validated twice.
    lanes_px = _LANE_PX * max(len(names), 2)
    split = lanes_px / (_CURVES_PX + lanes_px)
    traces = []
    annotations = []
    for lane, name in enumerate(names):
        spec = act.REGISTRY[name]
        params = spec.defaults()
        x, y, _ = curve(spec, params, xmin, xmax, which, n_max=CURVE_POINTS)
        label = labels[name]
        traces.append(dict(
            type="scatter", x=x, y=y, mode="lines", name=label, legendgroup=name, xaxis="x", yaxis="y",
            # earlier traces wider, so a later one drawn on top leaves them showing at its edges
            # simplify off: Plotly's pixel-tolerance thinning leaves corners on thick smooth lines
            line={"color": colour(name), "width": max(2.0, 4.5 - 0.6 * lane), "simplify": False,
                  "dash": _DASHES[lane % len(_DASHES)]},
            hovertemplate=f"{label}: %{{y:.4g}}<extra></extra>",
        ))
        xs, ys = _lane_shape(saturation_regions(spec, params, xmin, xmax), lane)
        traces.append(dict(
            type="scatter", x=xs or [None], y=ys or [None], mode="lines", fill="toself", name=label,
            legendgroup=name, showlegend=False, xaxis="x2", yaxis="y2",
            line={"color": colour(name), "width": 0}, fillcolor=colour(name), opacity=0.55,
            hoverinfo="skip",
        ))
        # Lane names sit inside the lanes, above their bands, not as tick labels: long
        # Japanese names as ticks would squeeze the plot to nothing on a phone.
        annotations.append({"x": 0, "xref": "x2 domain", "y": lane + LANE_LABEL_Y, "yref": "y2",
                            "text": label, "xanchor": "left", "yanchor": "middle",
                            "showarrow": False, "font": {"size": LANE_FONT}})
    layout = {
        "xaxis": {"range": [xmin, xmax], "anchor": "y", "matches": "x2", "showticklabels": False,
                  "zeroline": True},
        "yaxis": {"domain": [split + 0.05, 1.0], "anchor": "x", "title": {"text": axis_titles["y"]},
                  "zeroline": True},
        "xaxis2": {"range": [xmin, xmax], "anchor": "y2", "title": {"text": axis_titles["x"]}},
        "yaxis2": {"domain": [0.0, split], "anchor": "x2", "showticklabels": False,
                   "range": [len(names) - 0.5, -0.5], "showgrid": False, "zeroline": False,
                   "title": {"text": axis_titles["lanes"]}},
        "annotations": annotations,
        "height": _CURVES_PX + lanes_px + 140, "hovermode": "x unified",
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    }
    return go.Figure(data=traces, layout=still_layout(layout))


def format_regions(regions: list[tuple[float, float]]) -> str:
    """"[-10, -4.585] ∪ [4.585, 10]": the regions as a learner reads them ('' for none)."""
    return " ∪ ".join(f"[{a:.4g}, {b:.4g}]" for a, b in regions)
