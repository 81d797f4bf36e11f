"""Figures of the regularisation lab: activation histograms per layer (with and without
batch normalisation), loss curves, and a decision boundary. Every number drawn comes from
``gradflow.init_bn`` or ``gradflow.overfit``; labels come in from the page, translated."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from gradflow.init_bn import Result

COLOURS = {"plain": "#3B82F6", "bn": "#16A34A", "train": "#3B82F6", "val": "#F97316"}
_MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}


def make_histogram_figure(result: Result, layer_title: str, zero_note: str, y_title: str,
                          colour: str = COLOURS["plain"], y_top: float | None = None) -> go.Figure:
    """The layers' histograms side by side, as in the textbook's figures.

    ``layer_title`` has a ``{layer}`` field; ``zero_note`` a ``{share}`` field (ReLU's exact
    zeros, left out of the bars). Bars are the fraction of all the layer's values; ``y_top``
    shares one y scale between figures.
    """
    n = len(result.histograms)
    fig = make_subplots(rows=1, cols=n, shared_yaxes=True, horizontal_spacing=0.02,
                        subplot_titles=[layer_title.format(layer=i + 1) for i in range(n)])
    top = y_top or max(float(h.share.max()) for h in result.histograms) or 1.0
    for c, h in enumerate(result.histograms, start=1):
        centres = (h.edges[:-1] + h.edges[1:]) / 2
        fig.add_trace(go.Bar(x=centres, y=h.share, width=np.diff(h.edges), marker_color=colour,
                             showlegend=False, hovertemplate="%{x:.3g}: %{y:.1%}<extra></extra>"),
                      row=1, col=c)
        if result.setting.activation == "relu":
            axis = "" if c == 1 else str(c)
            fig.add_annotation(text=zero_note.format(share=h.zero_share), showarrow=False,
                               xref=f"x{axis} domain", yref=f"y{axis} domain", x=0.98, y=0.98,
                               xanchor="right", yanchor="top", font={"size": 10})
    fig.update_xaxes(nticks=3)
    fig.update_yaxes(range=[0, top * 1.1], tickformat=".0%")
    fig.update_yaxes(title_text=y_title, row=1, col=1)
    fig.update_annotations(font_size=11)
    fig.update_layout(height=230, margin=_MARGIN, bargap=0)
    return fig


def histogram_top(*results: Result) -> float:
    """The tallest bar over several results: one y scale for figures shown together."""
    return max(float(h.share.max()) for r in results for h in r.histograms) or 1.0
