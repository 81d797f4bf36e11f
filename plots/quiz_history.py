"""Figures of the quiz history, built without Streamlit (labels come from the caller).

Each theme keeps one colour and one marker everywhere: the Okabe–Ito colours, which stay
apart for the common kinds of colour blindness, and a distinct marker shape, so that the
themes can be told apart without colour at all.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from plots.style import FONT, still
from quiz.themes import theme_order

# Okabe & Ito (2008), without yellow (too faint on white) and black (the axes' colour), then
# three of Paul Tol's colour-blind-safe set for the unit's later themes; one marker per theme.
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#999999",
           "#882255", "#332288", "#999933")
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross",
           "triangle-down", "pentagon", "hexagram")
_BAND = 64  # px per theme in the one-day bars


def theme_style(theme: str) -> tuple[str, str]:
    """(colour, marker symbol) of a theme; themes outside the list share the last pair."""
    i = min(theme_order(theme), len(COLOURS) - 1)
    return COLOURS[i], MARKERS[i]


def _one_day(daily: pd.DataFrame, theme_label: Callable[[str], str], x_title: str) -> go.Figure:
    """A single day: one bar per theme (a line through one point would be a stack of dots).

    Each theme's name stands above its bar rather than beside it, so that on a phone the
    bars keep the width."""
    fig = go.Figure()
    for row in daily.itertuples():
        colour, _ = theme_style(row.theme)
        name = theme_label(row.theme)
        fig.add_trace(go.Bar(
            y=[name], x=[round(row.accuracy * 100, 1)], orientation="h", width=0.4,
            name=name, marker={"color": colour},
            text=[f"{round(row.accuracy * 100)}% ({row.correct}/{row.answered})"],
            textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{x:.0f}%<extra></extra>",
        ))
        # Just above the bar: a band is _BAND px, the bar 0.4 of it.
        fig.add_annotation(x=0, y=name, yshift=0.2 * _BAND + 1, xanchor="left",
                           yanchor="bottom", showarrow=False, text=name)
    fig.update_layout(xaxis={"title": x_title, "range": [0, 130], "tickvals": [0, 25, 50, 75, 100]},
                      yaxis={"autorange": "reversed", "showticklabels": False},
                      showlegend=False, height=80 + _BAND * len(daily))
    return still(fig)


def _days(daily: pd.DataFrame, theme_label: Callable[[str], str],
          y_title: str, x_title: str) -> go.Figure:
    fig = go.Figure()
    for theme, rows in daily.groupby("theme", sort=False):
        colour, symbol = theme_style(theme)
        fig.add_trace(go.Scatter(
            x=[str(d) for d in rows["day"]], y=(rows["accuracy"] * 100).round(1).tolist(),
            mode="lines+markers", name=theme_label(theme),
            line={"color": colour}, marker={"symbol": symbol, "size": 10, "color": colour},
            customdata=list(zip(rows["correct"], rows["answered"], strict=True)),
            hovertemplate="%{x}: %{y:.0f}% (%{customdata[0]}/%{customdata[1]})<extra></extra>",
        ))
    fig.update_layout(
        yaxis={"title": y_title, "range": [-5, 105]},
        xaxis={"title": x_title, "type": "category", "categoryorder": "category ascending"},
        legend={"orientation": "h", "y": -0.25}, height=380,
    )
    return still(fig)


def make_accuracy_figure(daily: pd.DataFrame, theme_label: Callable[[str], str],
                         y_title: str, x_title: str) -> go.Figure:
    """Accuracy (%) per theme per day: one line per theme over several days, one bar per
    theme for a single day; hover shows right/answered."""
    if daily["day"].nunique() == 1:
        fig = _one_day(daily, theme_label, y_title)
    else:
        fig = _days(daily, theme_label, y_title, x_title)
    fig.update_layout(margin={"l": 40, "r": 10, "t": 10, "b": 10}, font={"family": FONT})
    return still(fig)
