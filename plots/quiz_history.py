"""Figures of the quiz history, built without Streamlit (labels come from the caller)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from plots.style import FONT


def make_accuracy_figure(daily: pd.DataFrame, theme_label: Callable[[str], str],
                         y_title: str, x_title: str) -> go.Figure:
    """Accuracy (%) per theme per day: one line per theme; hover shows right/answered."""
    fig = go.Figure()
    for theme, rows in daily.groupby("theme", sort=False):
        fig.add_trace(go.Scatter(
            x=[str(d) for d in rows["day"]], y=(rows["accuracy"] * 100).round(1).tolist(),
            mode="lines+markers", name=theme_label(theme),
            customdata=list(zip(rows["correct"], rows["answered"], strict=True)),
            hovertemplate="%{x}: %{y:.0f}% (%{customdata[0]}/%{customdata[1]})<extra></extra>",
        ))
    fig.update_layout(
        yaxis={"title": y_title, "range": [-5, 105]},
        xaxis={"title": x_title, "type": "category", "categoryorder": "category ascending"},
        legend={"orientation": "h", "y": -0.25}, margin={"l": 40, "r": 10, "t": 10, "b": 10},
        height=380, font={"family": FONT},
    )
    return fig
