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
from gradflow import init_bn
from gradflow.overfit import OverfitConfig, OverfitRun, train
from optimizers import SURFACES, Trajectory, trajectory
from plots.quiz_figure_style import LINE, MUTED, SECOND, histogram_panels, layout
from quiz.figures_unit import (
    InitHistogramsFigure,
    LossFigure,
    NumdiffFigure,
    OverfitFigure,
    TrajectoryFigure,
)
from regularization import early_stopping

LOSS_POINTS = 401
CONTOUR_GRID, CONTOUR_LEVELS = 60, 12
MARK = "#E11D48"  # the minimum's ✕ and the 「発散」 note
DIVERGED, LEFT_BOX = "発散", "枠の外へ"
ZERO_NOTE = "値 0 は除いて表示"  # ReLU's exact zeros (about half) are left out of the bars
TRAIN, VALIDATION = "訓練", "検証"
STEPS_H = np.logspace(-16, 0, 129)  # the numerical derivative's h: 8 per decade, 1e-16 … 1
ERROR_FLOOR = 1e-17  # an error of exactly 0 is drawn here, at the bottom of the log axis
# the labels drawn here, in English for plots/figure_png.py on a machine without a CJK font
ENGLISH = {"予測 y": "prediction y", "ロジット a": "logit a", "ステップ t": "step t",
           "f − 最小値": "f - min", DIVERGED: "diverged", LEFT_BOX: "leaves the box",
           ZERO_NOTE: "zeros left out", TRAIN: "training", VALIDATION: "validation",
           "エポック": "epoch", "検証 − 訓練": "val - train", "刻み幅 h": "step h",
           "誤差": "error"}


def _range(y: np.ndarray, pad: float = 0.1) -> list[float]:
    finite = y[np.isfinite(y)]
    lo, hi = float(finite.min()), float(finite.max())
    margin = pad * (hi - lo) if hi > lo else 0.5
    return [lo - margin, hi + margin]


def _decades(span: float) -> int:
    """A log axis's tick step in decades: at most about 5 labels, none between decades."""
    return max(1, int(np.ceil(span / 5)))


# ------------------------------------------------------------------------------ loss
def loss_values(fig: LossFigure, x) -> np.ndarray:
    """E or its derivative at ``x`` (y or a) from ``losses`` (σ and σ′ from ``activations``)."""
    x = np.asarray(x, dtype=float)
    t = fig.target
    if fig.over == "prediction":
        if fig.loss == "huber":
            f = losses.huber_grad if fig.derivative else losses.huber
            return f(x, t, delta=fig.delta)
        f = {("squared", False): losses.squared_error, ("squared", True): losses.squared_error_grad,
             ("bce", False): losses.binary_cross_entropy,
             ("bce", True): losses.binary_cross_entropy_grad}[(fig.loss, fig.derivative)]
        return f(x, t)
    if fig.loss == "bce":
        f = (losses.binary_cross_entropy_with_logits_grad if fig.derivative
             else losses.binary_cross_entropy_with_logits)
        return f(x, t)
    sigmoid = act.REGISTRY["sigmoid"]
    y = sigmoid.h(x)
    if fig.derivative:  # dE/da = dE/dy · σ′(a)
        return losses.squared_error_grad(y, t) * sigmoid.dh(x)
    return losses.squared_error(y, t)


def loss_data(fig: LossFigure) -> tuple[np.ndarray, np.ndarray]:
    """(x, E or its derivative) on the plotted range."""
    x = np.linspace(*fig.bounds(), LOSS_POINTS)
    return x, loss_values(fig, x)


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


# ------------------------------------------------------------------- init_histograms
@lru_cache(maxsize=64)
def _init_run(setting: init_bn.Setting) -> tuple[init_bn.Result, init_bn.Run]:
    return init_bn.experiment(setting), init_bn.forward(setting)


def init_histograms_data(fig: InitHistogramsFigure) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(bin edges, each layer's share of its values per bin, each layer's share of exact 0).

    The textbook's experiment (gradflow.init_bn, seed 0). Sigmoid and tanh: the core's own
    histograms over their output range. ReLU: its positive values in the same 30 bins for
    every layer, over [0, the largest of the layers' 99.5th percentiles] (the core bins each
    layer over its own range, which would hide a signal that shrinks or grows layer by layer);
    its exact zeros are counted apart, as the core does.
    """
    setting = init_bn.Setting(activation=fig.activation, init=fig.init,
                              batchnorm=fig.batchnorm, layers=fig.layers)
    result, run = _init_run(setting)
    zeros = np.array([h.zero_share for h in result.histograms])
    if fig.activation in init_bn.OUTPUT_RANGE:
        return (result.histograms[0].edges, np.array([h.share for h in result.histograms]),
                zeros)
    top = max(float(h.edges[-1]) for h in result.histograms)
    edges = np.linspace(0.0, top, init_bn.BINS + 1)
    shares = [np.histogram(a[a > 0], bins=edges)[0] / a.size for a in run.post]
    return edges, np.array(shares), zeros


def _init_histograms(fig: InitHistogramsFigure, label: str | None) -> go.Figure:
    edges, shares, _ = init_histograms_data(fig)
    note = ZERO_NOTE if fig.activation == "relu" else None
    return histogram_panels(edges, shares, 1.08 * float(shares.max()), label, note)


# --------------------------------------------------------------------------- overfit
@lru_cache(maxsize=32)
def overfit_run(method: str, strength: float) -> OverfitRun:
    """The regularisation lab's run at its defaults (moons, 30 points, 500 epochs, seed 0)."""
    return train(OverfitConfig(method=method, strength=strength))


def overfit_data(fig: OverfitFigure) -> tuple[np.ndarray, np.ndarray, np.ndarray, int | None]:
    """(epochs 1..N, training loss, validation loss, the epoch of the lowest validation
    loss when ``early_stopping`` is on, else None).

    That epoch is where ``regularization.early_stopping`` keeps the weights when its
    patience outlasts the run: the first lowest validation loss.
    """
    run = overfit_run(fig.method, fig.strength)
    epochs = np.arange(1, len(run.val_loss) + 1)
    best = None
    if fig.early_stopping:
        best = early_stopping(run.val_loss, patience=len(run.val_loss)).best_epoch + 1
    return epochs, run.train_loss, run.val_loss, best


def _label(out: go.Figure, x: float, y: float, text: str, colour: str, above: bool) -> None:
    out.add_annotation(text=text, x=x, y=y, xref="x", yref="y", showarrow=False,
                       xanchor="right", yanchor="bottom" if above else "top",
                       font={"size": 13, "color": colour})


def _overfit(fig: OverfitFigure, label: str | None) -> go.Figure:
    epochs, tr, val, best = overfit_data(fig)
    skip = len(epochs) // 50  # the first epochs of a large step spike: scale to what follows
    out = go.Figure()
    if fig.view == "loss":
        for y, colour, dash in ((tr, LINE, "solid"), (val, SECOND, "dash")):
            out.add_trace(go.Scatter(x=epochs, y=y, mode="lines", hoverinfo="skip",
                                     line={"color": colour, "width": 2.5, "dash": dash}))
        y_range = [0.0, 1.2 * float(max(tr[skip:].max(), val[skip:].max()))]
        # each line named at its right end, over it; the lower one under it when the two
        # ends are too close for a label between them
        lower, upper = sorted(((float(tr[-1]), TRAIN, LINE), (float(val[-1]), VALIDATION,
                                                              SECOND)))
        _label(out, epochs[-1], *upper, above=True)
        _label(out, epochs[-1], *lower, above=upper[0] - lower[0] > 0.15 * y_range[1])
        out.update_yaxes(title={"text": "損失"})
    else:
        gap = val - tr
        out.add_trace(go.Scatter(x=epochs, y=gap, mode="lines", hoverinfo="skip",
                                 line={"color": LINE, "width": 2.5}))
        y_range = _range(gap[skip:])
        out.update_yaxes(title={"text": "検証 − 訓練"}, zeroline=True, zerolinewidth=1.5)
    if best is not None:
        out.add_trace(go.Scatter(x=[best, best], y=y_range, mode="lines", hoverinfo="skip",
                                 line={"color": MARK, "width": 1.5, "dash": "dot"}))
    out.update_xaxes(range=[0, len(epochs)], title={"text": "エポック", "standoff": 2})
    out.update_yaxes(range=y_range, nticks=5)
    return layout(out, label)


# --------------------------------------------------------------------------- numdiff
def numdiff_data(fig: NumdiffFigure) -> tuple[np.ndarray, np.ndarray]:
    """(h, |numerical − h′(x)|): the registry's h and h′ at their defaults, in float64."""
    spec = act.REGISTRY[fig.fn]
    params = spec.defaults()
    x = np.float64(fig.at)
    exact = float(spec.dh(np.array([x]), **params)[0])
    f = spec.h
    if fig.method == "central":
        numerical = (f(x + STEPS_H, **params) - f(x - STEPS_H, **params)) / (2 * STEPS_H)
    else:
        numerical = (f(x + STEPS_H, **params) - f(np.full_like(STEPS_H, x), **params)) / STEPS_H
    return STEPS_H, np.abs(numerical - exact)


def _numdiff(fig: NumdiffFigure, label: str | None) -> go.Figure:
    h, err = numdiff_data(fig)
    shown = np.maximum(err, ERROR_FLOOR)
    out = go.Figure(go.Scatter(x=h, y=shown, mode="lines+markers", hoverinfo="skip",
                               line={"color": LINE, "width": 2}, marker={"color": LINE, "size": 3}))
    logs = np.log10(shown)
    lo, hi = float(logs.min()), float(logs.max())
    span = max(hi - lo, 1.0)
    out.update_xaxes(type="log", exponentformat="power", dtick=4, range=[-16.4, 0.4],
                     title={"text": "刻み幅 h", "standoff": 2})
    out.update_yaxes(type="log", exponentformat="power", dtick=_decades(span),
                     range=[lo - 0.06 * span, hi + 0.06 * span], title={"text": "誤差"})
    return layout(out, label)


UNIT_BUILDERS = {LossFigure: _loss, TrajectoryFigure: _trajectory,
                 InitHistogramsFigure: _init_histograms, OverfitFigure: _overfit,
                 NumdiffFigure: _numdiff}
