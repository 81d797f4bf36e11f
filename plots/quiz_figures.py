"""The small figures of graph questions, drawn from ``activations`` and ``gradflow`` at the
parameters the bank names. Pure: a figure spec in, ``go.Figure`` out.

Made to be read on a 390 px phone: one line or one set of bars, large ticks, no legend,
no title but the option's letter, and nothing that names the function (that is what the
question asks). Charts are static (no zoom or drag stealing the page's scrolling).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import activations as act
from gradflow.depth import chain_product, grad_at, max_abs_grad
from gradflow.mlp import MLPConfig, forward, make_network
from plots.curves import curve
from plots.quiz_figure_style import CONFIG as CONFIG
from plots.quiz_figure_style import HEIGHT as HEIGHT
from plots.quiz_figure_style import LINE
from plots.quiz_figure_style import layout as _layout
from plots.quiz_figures_unit import UNIT_BUILDERS
from quiz.figures import CurveFigure, DepthFigure, LayersFigure, SoftmaxFigure

LAYER_WIDTH, LAYER_BATCH, LAYER_BINS = 100, 1000, 20
CUT_NOTE = "左端の棒は上を切って表示"  # the bank is Japanese only, so are its figures


def curve_data(fig: CurveFigure):
    """(x, y, jumps) of the curve, as plots/curves.py samples it for the explorer."""
    spec = act.REGISTRY[fig.fn]
    return curve(spec, fig.merged_params(), fig.x[0], fig.x[1],
                 "grad" if fig.derivative else "h", n_max=400)


def depth_data(fig: DepthFigure) -> np.ndarray:
    """|h'| multiplied through 1..layers layers (gradflow.depth)."""
    params = fig.merged_params()
    factor = (max_abs_grad(fig.fn, params).value if fig.at is None
              else grad_at(fig.fn, fig.at, params))
    return chain_product(factor, fig.layers)


def softmax_data(fig: SoftmaxFigure) -> np.ndarray:
    return act.softmax(np.asarray(fig.logits, dtype=float) / fig.temperature)


def layers_data(fig: LayersFigure) -> list[np.ndarray]:
    """Every layer's activations of a freshly initialised network (gradflow.mlp), seed 0."""
    cfg = MLPConfig(depth=fig.layers, width=LAYER_WIDTH, batch=LAYER_BATCH, init=fig.init,
                    std=fig.std, seed=0)
    net = make_network(cfg)
    acts, _, _ = forward(net.inputs, net.weights, net.biases, fig.fn, with_gradient=False)
    return acts


def layers_range(fig: LayersFigure, acts: list[np.ndarray]) -> tuple[float, float]:
    """The histograms' x range: the function's whole output range when it is bounded, so a
    distribution squeezed to 0.5 looks squeezed; else up to the largest 99th percentile (a
    long ReLU tail would hide the rest)."""
    spec = act.REGISTRY[fig.fn]
    out = spec.output_range(spec.defaults())
    lo = out.lo if np.isfinite(out.lo) else min(float(a.min()) for a in acts)
    hi = out.hi if np.isfinite(out.hi) else max(float(np.percentile(a, 99)) for a in acts)
    return lo, (hi if hi > lo else lo + 1.0)


def _curve(fig: CurveFigure, label: str | None) -> go.Figure:
    x, y, jumps = curve_data(fig)
    out = go.Figure(go.Scatter(x=x, y=y, mode="lines", line={"color": LINE, "width": 3},
                               hoverinfo="skip"))
    for j in jumps:  # ● the value taken at the kink, ○ the limit from the other side
        out.add_trace(go.Scatter(x=[j.at, j.at], y=[j.value, j.other_limit], mode="markers",
                                 marker={"color": LINE, "size": 9, "symbol": ["circle",
                                                                              "circle-open"]}))
    finite = y[np.isfinite(y)]
    lo, hi = float(finite.min()), float(finite.max())
    pad = 0.12 * (hi - lo) if hi > lo else 0.5
    out.update_xaxes(range=list(fig.x), zeroline=True, zerolinewidth=1.5, title=None)
    out.update_yaxes(range=[lo - pad, hi + pad], zeroline=True, zerolinewidth=1.5,
                     nticks=6, title=None)
    return _layout(out, label)


def _depth(fig: DepthFigure, label: str | None) -> go.Figure:
    y = depth_data(fig)
    layers = np.arange(1, fig.layers + 1)
    out = go.Figure(go.Scatter(x=layers, y=y, mode="lines+markers",
                               line={"color": LINE, "width": 3}, hoverinfo="skip"))
    lo, hi = np.log10(y.min()), np.log10(y.max())
    span = max(hi - lo, 1.0)
    out.update_yaxes(type="log", exponentformat="power", title=None,
                     range=[lo - 0.1 * span, hi + 0.1 * span])
    out.update_xaxes(title={"text": "層の数"}, dtick=max(1, fig.layers // 5))
    return _layout(out, label)


def _softmax(fig: SoftmaxFigure, label: str | None) -> go.Figure:
    p = softmax_data(fig)
    classes = [f"クラス{i + 1}" for i in range(len(p))]
    out = go.Figure(go.Bar(x=classes, y=p, marker={"color": LINE}, text=[f"{v:.2f}" for v in p],
                           textposition="outside", cliponaxis=False, hoverinfo="skip"))
    out.update_yaxes(range=[0, 1.15], dtick=0.25, title=None)
    return _layout(out, label)


def layer_histograms(fig: LayersFigure, acts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(bin edges, each layer's fraction of activations per bin)."""
    lo, hi = layers_range(fig, acts)
    edges = np.linspace(lo, hi, LAYER_BINS + 1)
    # not clipped: the 1 % of a ReLU tail past the range is left out, not piled at its end
    return edges, np.array([np.histogram(a, bins=edges)[0] / a.size for a in acts])


def _y_top(fractions: np.ndarray) -> tuple[float, bool]:
    """The y range's top, and whether the first bar is cut: ReLU puts half of everything in
    the bar at 0, which would flatten the rest of the distribution into a line. (A spike
    anywhere else, such as a sigmoid's outputs all at 0.5, is the picture: never cut.)"""
    first, rest = float(fractions[:, 0].max()), float(fractions[:, 1:].max())
    cut = bool(np.all(fractions.argmax(axis=1) == 0)) and first > 3 * rest
    return (1.6 * rest, True) if cut else (1.05 * max(first, rest), False)


def _layers(fig: LayersFigure, label: str | None) -> go.Figure:
    edges, fractions = layer_histograms(fig, layers_data(fig))
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
    top, cut = _y_top(fractions)
    out.update_yaxes(showticklabels=False, range=[0, top])
    out.update_annotations(font={"size": 11})
    if cut:
        out.add_annotation(text=CUT_NOTE, xref="paper", yref="paper", x=1, y=0, yshift=-24,
                           yanchor="top", showarrow=False, xanchor="right", font={"size": 10})
    return _layout(out, label, top=28, bargap=0, margin_b=44 if cut else 8)


_BUILDERS = {CurveFigure: _curve, DepthFigure: _depth, SoftmaxFigure: _softmax,
             LayersFigure: _layers, **UNIT_BUILDERS}


@lru_cache(maxsize=256)
def _cached(kind: type, spec_json: str, label: str | None) -> go.Figure:
    return _BUILDERS[kind](kind.model_validate_json(spec_json), label)


def make_question_figure(fig, label: str | None = None) -> go.Figure:
    """The figure of a spec; ``label`` (A–D) is its title when it is an option.

    Cached by the spec's JSON: a question's figures are drawn once per process, not on
    every rerun. (Callers must not change the returned figure.)
    """
    return _cached(type(fig), fig.model_dump_json(), label)
