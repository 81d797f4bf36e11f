"""The home page's small overview chart: a few classic activations on one axis."""

from __future__ import annotations

import plotly.graph_objects as go

from activations import REGISTRY

from .curves import curve
from .style import FONT, colour, still_layout

HOME_FUNCTIONS = ("sigmoid", "tanh", "relu", "gelu")
# Four distinct hues (the theme's palette pairs similar ones), readable on light and dark.
HOME_RANGE = (-3.0, 3.0)


def make_home_figure(names: dict[str, str], height: int = 300) -> go.Figure:
    """h(x) of HOME_FUNCTIONS at their defaults; ``names`` maps registry name -> legend text."""
    traces = []
    for fn in HOME_FUNCTIONS:
        spec = REGISTRY[fn]
        x, y, _ = curve(spec, spec.defaults(), *HOME_RANGE, "h", n_max=400)
        traces.append({"type": "scatter", "x": x, "y": y, "mode": "lines",
                       "name": names.get(fn, fn), "line": {"width": 2.4, "color": colour(fn), "simplify": False},
                       "connectgaps": False,
                       "hovertemplate": "%{y:.3f}"})
    layout = {
        "height": height, "hovermode": "x unified", "font": {"family": FONT},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "center", "x": 0.5},
        "xaxis": {"range": list(HOME_RANGE), "zeroline": True, "hoverformat": ".2f"},
        "yaxis": {"range": [-1.2, 3.1], "zeroline": True},
    }
    return go.Figure(data=traces, layout=still_layout(layout))
