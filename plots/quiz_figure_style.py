"""What every quiz figure shares (plots/quiz_figures.py, plots/quiz_figures_unit.py): its
height, its one line colour, a static chart, and the option letter as its only title."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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
        # pad 0: Streamlit's theme pads the plot area by 8 px where a figure sets none, which
        # moves the tick labels onto the axis titles at 390 px
        margin={"l": 8, "r": 8, "t": top + 24 if label else top, "b": margin_b, "pad": 0},
        title={"text": f"<b>{label}</b>", "x": 0.02, "y": 0.97, "font": {"size": 18}}
        if label else None, **kw)
    # Plotly's own template grows the margins to fit the tick labels and titles; the app's
    # (Streamlit's, the default once streamlit is imported) does not: ask for it here
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def histogram_panels(edges: np.ndarray, fractions: np.ndarray, top: float, label: str | None,
                     note: str | None = None) -> go.Figure:
    """One histogram per layer side by side (shared bins and y scale), 「n層目」 over each,
    and an optional note under the panels."""
    lo, hi = float(edges[0]), float(edges[-1])
    # a gap between the panels so one's last tick label and the next one's first stay apart
    out = make_subplots(rows=1, cols=len(fractions), shared_yaxes=True,
                        horizontal_spacing=0.06,
                        subplot_titles=[f"{i + 1}層目" for i in range(len(fractions))])
    for i, f in enumerate(fractions, start=1):
        out.add_trace(go.Bar(x=(edges[:-1] + edges[1:]) / 2, y=f, width=np.diff(edges),
                             marker={"color": LINE}, hoverinfo="skip"), row=1, col=i)
        out.update_xaxes(tickvals=[lo, hi], ticktext=[f"{lo:.2g}", f"{hi:.2g}"], tickangle=0,
                         tickfont={"size": 10}, range=[lo, hi], row=1, col=i)
    out.update_yaxes(showticklabels=False, range=[0, top])
    out.update_annotations(font={"size": 11})
    if note:
        out.add_annotation(text=note, xref="paper", yref="paper", x=1, y=0, yshift=-24,
                           yanchor="top", showarrow=False, xanchor="right", font={"size": 10})
    return layout(out, label, top=28, bargap=0, margin_b=44 if note else 8)
