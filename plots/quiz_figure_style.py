"""What every quiz figure shares (plots/quiz_figures.py, plots/quiz_figures_unit.py): its
height, its one line colour, a static chart, and the option letter as its only title."""

from __future__ import annotations

import plotly.graph_objects as go

from plots.style import FONT

HEIGHT = 210
LINE = "#2563EB"  # one mid-tone blue: reads on the light and the dark theme
SECOND = "#F97316"  # a second line where a figure has two (mid-tone orange, dashed)
MUTED = "#94A3B8"  # contour lines and guides: visible on both themes, under the data
CONFIG = {"staticPlot": True}  # st.plotly_chart(config=...): a picture, not a widget


def layout(fig: go.Figure, label: str | None, top: int = 10, margin_b: int = 8,
           **kw) -> go.Figure:
    fig.update_layout(
        height=HEIGHT, showlegend=False, font={"family": FONT, "size": 13},
        margin={"l": 8, "r": 8, "t": top + 24 if label else top, "b": margin_b},
        title={"text": f"<b>{label}</b>", "x": 0.02, "y": 0.97, "font": {"size": 18}}
        if label else None, **kw)
    return fig
