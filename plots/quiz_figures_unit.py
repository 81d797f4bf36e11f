"""The unit's quiz figures (quiz/figures_unit.py), drawn from ``losses``, ``optimizers``,
``gradflow`` and ``activations`` at the parameters the bank names. Pure: a spec in,
``go.Figure`` out; each kind's numbers come from a ``*_data`` function the tests check.

Same style as plots/quiz_figures.py: one line colour, no legend (the overfitting figure
labels its two lines in the plot), Japanese axis titles, static, readable at 390 px.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

import activations as act
import losses
from optimizers import SURFACES, Trajectory, trajectory
from plots.quiz_figure_style import LINE, MUTED, layout
from quiz.figures_unit import LossFigure, TrajectoryFigure

LOSS_POINTS = 401
CONTOUR_GRID, CONTOUR_LEVELS = 60, 12
MARK = "#E11D48"  # the minimum's ✕ and the 「発散」 note
DIVERGED, LEFT_BOX = "発散", "枠の外へ"
# the labels drawn here, in English for plots/figure_png.py on a machine without a CJK font
ENGLISH = {"予測 y": "prediction y", "ロジット a": "logit a", "ステップ t": "step t",
           "f − 最小値": "f - min", DIVERGED: "diverged", LEFT_BOX: "leaves the box"}


def _range(y: np.ndarray, pad: float = 0.1) -> list[float]:
    finite = y[np.isfinite(y)]
    lo, hi = float(finite.min()), float(finite.max())
    margin = pad * (hi - lo) if hi > lo else 0.5
    return [lo - margin, hi + margin]


def _decades(span: float) -> int:
    """A log axis's tick step in decades: at most about 5 labels, none between decades."""
    return max(1, int(np.ceil(span / 5)))


# ------------------------------------------------------------------------------ loss
def loss_data(fig: LossFigure) -> tuple[np.ndarray, np.ndarray]:
    """(x, E or its derivative) from ``losses`` (σ and σ′ from ``activations``)."""
    lo, hi = fig.bounds()
    x = np.linspace(lo, hi, LOSS_POINTS)
    t = fig.target
    if fig.over == "prediction":
        if fig.loss == "huber":
            f = losses.huber_grad if fig.derivative else losses.huber
            return x, f(x, t, delta=fig.delta)
        f = {("squared", False): losses.squared_error, ("squared", True): losses.squared_error_grad,
             ("bce", False): losses.binary_cross_entropy,
             ("bce", True): losses.binary_cross_entropy_grad}[(fig.loss, fig.derivative)]
        return x, f(x, t)
    if fig.loss == "bce":
        f = (losses.binary_cross_entropy_with_logits_grad if fig.derivative
             else losses.binary_cross_entropy_with_logits)
        return x, f(x, t)
    sigmoid = act.REGISTRY["sigmoid"]
    y = sigmoid.h(x)
    if fig.derivative:  # dE/da = dE/dy · σ′(a)
        return x, losses.squared_error_grad(y, t) * sigmoid.dh(x)
    return x, losses.squared_error(y, t)


def _loss(fig: LossFigure, label: str | None) -> go.Figure:
    x, y = loss_data(fig)
    out = go.Figure(go.Scatter(x=x, y=y, mode="lines", line={"color": LINE, "width": 3},
                               hoverinfo="skip"))
    out.update_xaxes(range=list(fig.bounds()), zeroline=True, zerolinewidth=1.5,
                     title={"text": "ロジット a" if fig.over == "logit" else "予測 y",
                            "standoff": 4})
    out.update_yaxes(range=_range(y, 0.12), zeroline=True, zerolinewidth=1.5, nticks=6,
                     title=None)
    return layout(out, label)


# ------------------------------------------------------------------------ trajectory
def trajectory_data(fig: TrajectoryFigure) -> Trajectory:
    """The run of ``optimizers.trajectory`` at the spec's settings (stops where it escapes)."""
    return _run(fig.optimizer, fig.surface, fig.start_point(), fig.steps,
                tuple(sorted(fig.merged_hyper().items())))


@lru_cache(maxsize=256)
def _run(optimizer: str, surface: str, start: tuple, steps: int, hyper: tuple) -> Trajectory:
    return trajectory(optimizer, surface, start=start, steps=steps, **dict(hyper))


def _outside(surface, xy: np.ndarray) -> bool:
    return bool(np.any((xy[:, 0] < surface.xlim[0]) | (xy[:, 0] > surface.xlim[1])
                       | (xy[:, 1] < surface.ylim[0]) | (xy[:, 1] > surface.ylim[1])))


def _contour(surface) -> go.Contour:
    """Grey contour lines; log-spaced (log(1 + f)) where f ≥ 0 has a minimum, as the lab."""
    xs = np.linspace(*surface.xlim, CONTOUR_GRID)
    ys = np.linspace(*surface.ylim, CONTOUR_GRID)
    z = surface.f(*np.meshgrid(xs, ys))
    z = np.log1p(z) if surface.minimum is not None else z
    lo, hi = float(z.min()), float(z.max())
    size = (hi - lo) / (CONTOUR_LEVELS + 1)
    return go.Contour(x=xs, y=ys, z=z, showscale=False, hoverinfo="skip",
                      colorscale=[[0, MUTED], [1, MUTED]], line={"width": 1},
                      contours={"coloring": "lines", "start": lo + size, "end": hi - size / 2,
                                "size": size})


def _note(out: go.Figure, text: str) -> None:
    out.add_annotation(text=text, xref="paper", yref="paper", x=0.98, y=0.98, xanchor="right",
                       yanchor="top", showarrow=False, font={"size": 13, "color": MARK})


def _path(fig: TrajectoryFigure, run: Trajectory, label: str | None) -> go.Figure:
    surface = SURFACES[fig.surface]
    xy = run.positions
    out = go.Figure(_contour(surface))
    out.add_trace(go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="lines+markers", hoverinfo="skip",
                             line={"color": LINE, "width": 2}, marker={"color": LINE, "size": 4}))
    out.add_trace(go.Scatter(x=xy[:1, 0], y=xy[:1, 1], mode="markers", hoverinfo="skip",
                             marker={"color": LINE, "size": 11, "symbol": "circle"}))
    if surface.minimum is not None:
        out.add_trace(go.Scatter(x=[surface.minimum[0]], y=[surface.minimum[1]], mode="markers",
                                 hoverinfo="skip",
                                 marker={"color": MARK, "size": 11, "symbol": "x"}))
    if run.escaped_at is not None or _outside(surface, xy):
        _note(out, DIVERGED if surface.minimum is not None else LEFT_BOX)
    out.update_xaxes(range=list(surface.xlim), title={"text": "x", "standoff": 2}, nticks=6,
                     showgrid=False, zeroline=False)
    out.update_yaxes(range=list(surface.ylim), title={"text": "y", "standoff": 2}, nticks=5,
                     showgrid=False,
                     zeroline=False)
    return layout(out, label)


def trajectory_loss(fig: TrajectoryFigure, run: Trajectory) -> tuple[np.ndarray, np.ndarray]:
    """(t, f(θ_t) − f_min), or f itself on the saddle (no minimum): what the loss view draws."""
    surface = SURFACES[fig.surface]
    t = np.arange(len(run.loss))
    if surface.minimum is None:
        return t, run.loss
    return t, run.loss - surface.loss(surface.minimum)


def _loss_view(fig: TrajectoryFigure, run: Trajectory, label: str | None) -> go.Figure:
    t, y = trajectory_loss(fig, run)
    log = SURFACES[fig.surface].minimum is not None
    shown = np.where(y > 0, y, np.nan) if log else y  # a loss of exactly 0 has no log
    out = go.Figure(go.Scatter(x=t, y=shown, mode="lines+markers", hoverinfo="skip",
                               line={"color": LINE, "width": 2.5},
                               marker={"color": LINE, "size": 4}))
    if run.escaped_at is not None:
        _note(out, DIVERGED)
    out.update_xaxes(range=[0, fig.steps], title={"text": "ステップ t", "standoff": 2})
    if log:
        logs = np.log10(shown[np.isfinite(shown)])
        lo, hi = float(logs.min()), float(logs.max())
        span = max(hi - lo, 1.0)
        out.update_yaxes(type="log", exponentformat="power", title={"text": "f − 最小値"},
                         range=[lo - 0.08 * span, hi + 0.08 * span], dtick=_decades(span))
    else:
        out.update_yaxes(range=_range(y), zeroline=True, title={"text": "f"})
    return layout(out, label)


def _trajectory(fig: TrajectoryFigure, label: str | None) -> go.Figure:
    run = trajectory_data(fig)
    return _path(fig, run, label) if fig.view == "path" else _loss_view(fig, run, label)


UNIT_BUILDERS = {LossFigure: _loss, TrajectoryFigure: _trajectory}
