"""Figures of the softmax lab: probabilities as bars, the Jacobian as an annotated heatmap.

Colours are left to the Streamlit theme where they can be (bars), so light and dark both
read; the heatmap uses a diverging scale centred on 0, because the Jacobian's sign matters
(positive diagonal, negative off-diagonal).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from plots.style import still_layout

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def indexed(symbol: str, n: int) -> list[str]:
    """symbol₁ ... symbolₙ (1-based, as the formulas count)."""
    return [symbol + str(i + 1).translate(_SUBSCRIPT) for i in range(n)]


def class_labels(n: int) -> list[str]:
    """The logits' names on the axes: x₁, x₂, ..."""
    return indexed("x", n)


def make_probability_figure(labels: list[str], series: dict[str, np.ndarray],
                            y_title: str, faint: tuple[str, ...] = ()) -> go.Figure:
    """Grouped bars, one group per class and one bar per named probability vector.

    Series named in ``faint`` are drawn pale, as a reference (e.g. T = 1 next to T = 0.5).
    """
    bars = []
    for name, probs in series.items():
        probs = np.asarray(probs, dtype=float)
        bars.append(dict(  # plain dicts: go.Figure validates them once, go.Bar objects twice
            type="bar", x=labels, y=probs, name=name, opacity=0.35 if name in faint else 1.0,
            text=[f"{p:.4f}" for p in probs], textposition="outside", cliponaxis=False,
            hovertemplate="%{x}: %{y:.6g}<extra>" + name + "</extra>",
        ))
    # one constructor call: each update_* re-validates, which a rerun pays for
    return go.Figure(data=bars, layout=still_layout({
        "barmode": "group", "height": 360, "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "showlegend": len(series) > 1,
        "yaxis": {"title": {"text": y_title}, "range": [0, 1.12]},
    }))


def make_jacobian_figure(jac: np.ndarray, labels: list[str], colorbar_title: str) -> go.Figure:
    """Heatmap of J[i][j] = ∂s_i/∂x_j with each value written in its cell.

    Row i is output s_i, column j is input x_j; the y axis runs top-down like a matrix.
    """
    jac = np.asarray(jac, dtype=float)
    limit = float(np.max(np.abs(jac))) or 1.0  # symmetric scale: 0 is always the middle colour
    rows = indexed("s", jac.shape[0])
    font_size = 14 if jac.shape[0] <= 5 else 10
    heatmap = dict(
        type="heatmap", z=jac, x=labels, y=rows,
        colorscale="RdBu", zmid=0.0, zmin=-limit, zmax=limit,
        texttemplate="%{z:.4f}", textfont={"size": font_size},
        colorbar={"title": {"text": colorbar_title}},
        hovertemplate="∂%{y}/∂%{x} = %{z:.6g}<extra></extra>",
    )
    return go.Figure(data=[heatmap], layout=still_layout({
        "yaxis": {"autorange": "reversed", "scaleanchor": "x", "constrain": "domain"},
        "xaxis": {"side": "top", "constrain": "domain"},
        "height": 360 + 20 * max(0, jac.shape[0] - 5),
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    }))
