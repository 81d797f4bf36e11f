"""The optimizer lab's figures: trajectories on a contour plot, scrubbed in the browser, and
the loss against the step.

Every trajectory is computed by the core before the figure is built; the Plotly slider only
swaps precomputed frames (the current point, the last update as a segment, and the step's
numbers below the plot), so scrubbing never asks the server for anything. Pure: returns
``go.Figure``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.colors import get_colorscale

from optimizers import Surface
from viewstate.optimizers_lab import Run, click_grid, frame_steps, loss_is_log, step_lines

from .style import FONT, still_layout

LINE_COLORS = ("#2563EB", "#EA580C", "#16A34A", "#DB2777", "#7C3AED", "#0891B2", "#CA8A04",
               "#64748B", "#DC2626")
GRID = 80  # contour samples per axis (smooth at 380 px; fewer bytes to a phone)
CONTOUR_HEIGHT = 380
READOUT_LINE = 17  # px per line of the step's numbers
SLIDER_PX = 80  # the step slider: its rail, ticks and labels
BUTTONS_PX = 34  # above it: play, pause and the current step
AXIS_PX = 45  # the contour plot's x-axis labels and title
MOVE_COLOR = "#1F2937"
# Written out as Plotly's checks would expand the name, so an unchecked figure sends the same.
BLUES = get_colorscale("Blues")


@dataclass(frozen=True)
class LabLabels:
    start: str = "start"
    minimum: str = "minimum"
    click: str = "click: start here"
    escaped: str = "diverged: |θ| > 10⁶ at step {t}"
    step_axis: str = "step t"
    loss_axis: str = "f(θ)"
    play: str = "▶"
    pause: str = "❚❚"


def colour(i: int) -> str:
    return LINE_COLORS[i % len(LINE_COLORS)]


def _contour(surface: Surface) -> dict:
    xs = np.linspace(*surface.xlim, GRID)
    ys = np.linspace(*surface.ylim, GRID)
    z = surface.f(*np.meshgrid(xs, ys))
    # Bounded below by 0: log-spaced levels show the flat valley and the steep walls alike.
    shown = np.log1p(z) if surface.minimum is not None else z
    return {"type": "contour", "x": xs, "y": ys, "z": shown, "showscale": False,
            "colorscale": BLUES, "reversescale": True, "opacity": 0.55, "ncontours": 22,
            "contours": {"coloring": "fill", "showlines": True}, "line": {"width": 0.5},
            "hoverinfo": "skip", "showlegend": False}


def readout_text(run: Run, t: int, name: str, labels: LabLabels) -> str:
    lines = step_lines(run.traj, t)
    if run.traj.escaped_at is not None and t >= run.traj.escaped_at:
        lines.append(labels.escaped.format(t=run.traj.escaped_at))
    return f"<b>{name}</b><br>" + "<br>".join(lines)


def _readout_heights(runs: list[Run], labels: LabLabels) -> list[int]:
    """Lines each run's numbers take at most (over every step), so the panel never jumps."""
    out = []
    for r in runs:
        n = len(step_lines(r.traj, r.traj.steps)) + 1
        out.append(n + (r.traj.escaped_at is not None))
    return out


def _moves(runs: list[Run], t: int) -> tuple[list, list]:
    """Per run θ_{t−1}, θ_t and a break: the last update drawn as a segment, θ_t as a dot.
    (At t = 0, and past the end of a run that stopped, the segment has length 0.)"""
    xs, ys = [], []
    for run in runs:
        s = min(t, run.traj.steps)
        (x0, y0), (x1, y1) = run.traj.positions[max(s - 1, 0)], run.traj.positions[s]
        if s == 0:
            x0, y0 = x1, y1
        xs += [float(x0), float(x1), None]
        ys += [float(y0), float(y1), None]
    return xs, ys


def _texts(runs: list[Run], names: list[str], t: int, labels: LabLabels) -> list[str]:
    return [readout_text(r, t, n, labels) for r, n in zip(runs, names, strict=True)]


def make_trajectory_figure(surface: Surface, runs: list[Run], names: list[str], *,
                           labels: LabLabels | None = None, active: int | None = None,
                           clickable: bool = True) -> go.Figure:
    """The surface's contours, every run's path, and a slider over the steps.

    ``names`` label the runs (same order). The figure opens at step ``active`` (default:
    the last); each frame moves the current points and rewrites the numbers below.
    """
    return go.Figure(**trajectory_spec(surface, runs, names, labels=labels, active=active,
                                       clickable=clickable))


def trajectory_spec(surface: Surface, runs: list[Run], names: list[str], *,
                    labels: LabLabels | None = None, active: int | None = None,
                    clickable: bool = True) -> dict:
    """:func:`make_trajectory_figure`'s ``data``, ``layout`` and ``frames``, for a figure
    built without Plotly's checks (plots.shared_figure.unchecked)."""
    labels = labels or LabLabels()
    steps = max((r.traj.steps for r in runs), default=0)
    ts = frame_steps(steps)
    active_t = ts[-1] if active is None else min(ts, key=lambda s: abs(s - active))
    heights = _readout_heights(runs, labels)
    # Heights in px, bottom up: the numbers, the slider, the x-axis labels, the contours.
    readout_px = READOUT_LINE * max(sum(heights), 1) + 8
    plot_px = CONTOUR_HEIGHT + SLIDER_PX + BUTTONS_PX + AXIS_PX + readout_px  # inside margins
    split = readout_px / plot_px
    slider_top = (readout_px + SLIDER_PX) / plot_px
    contour_bottom = (readout_px + SLIDER_PX + BUTTONS_PX + AXIS_PX) / plot_px

    traces: list[dict] = [_contour(surface)]
    if clickable:
        gx, gy = click_grid(surface)
        traces.append({"type": "scatter", "x": gx, "y": gy, "mode": "markers",
                       "marker": {"size": 8, "opacity": 0}, "showlegend": False,
                       "selected": {"marker": {"opacity": 0}},
                       "unselected": {"marker": {"opacity": 0}},
                       "hovertemplate": f"{labels.click}<br>(%{{x:.3g}}, %{{y:.3g}})<extra></extra>"})
    if surface.minimum is not None:
        traces.append({"type": "scatter", "x": [surface.minimum[0]], "y": [surface.minimum[1]],
                       "mode": "markers", "name": labels.minimum, "hoverinfo": "name",
                       # gold with a dark edge: seen on the light and the dark theme
                       "marker": {"symbol": "star", "size": 15, "color": "#FACC15",
                                  "line": {"width": 1, "color": "#1F2937"}}})
    offsets = np.cumsum([0, *heights])
    for i, (run, name) in enumerate(zip(runs, names, strict=True)):
        c = colour(i)
        pos = run.traj.positions
        traces.append({"type": "scatter", "x": pos[:, 0], "y": pos[:, 1], "name": name,
                       "mode": "lines+markers", "legendgroup": name,
                       "line": {"color": c, "width": 1.5}, "marker": {"color": c, "size": 4},
                       "customdata": np.arange(len(pos)),
                       "hovertemplate": f"{name}<br>t = %{{customdata}}<br>θ = (%{{x:.4g}}, "
                                        "%{y:.4g})<extra></extra>"})
    # Two traces move with the slider, whatever the number of runs (each frame costs Plotly
    # one object per trace to build): every run's last update as a segment ending in a dot,
    # and every run's numbers below the plot.
    moves = len(traces)
    mx, my = _moves(runs, active_t)
    colours = [c for i in range(len(runs)) for c in (colour(i), colour(i), colour(i))]
    traces.append({"type": "scatter", "x": mx, "y": my, "mode": "lines+markers",
                   "line": {"color": MOVE_COLOR, "width": 3}, "showlegend": False,
                   "marker": {"color": colours, "size": [0, 14, 0] * len(runs),
                              "line": {"width": 2, "color": "white"}},
                   "hovertemplate": "θ = (%{x:.4g}, %{y:.4g})<extra></extra>"})
    traces.append({"type": "scatter", "x": [0.0] * len(runs), "y": [-float(o) for o in
                                                                   offsets[:-1]],
                   "xaxis": "x2", "yaxis": "y2", "mode": "text",
                   "text": _texts(runs, names, active_t, labels),
                   "textposition": "bottom right",
                   "textfont": {"color": [colour(i) for i in range(len(runs))], "size": 11},
                   "cliponaxis": False,
                   "showlegend": False, "hoverinfo": "skip"})

    frames = []
    for t in ts:
        mx, my = _moves(runs, t)
        frames.append({"name": str(t), "traces": [moves, moves + 1],
                       "data": [{"type": "scatter", "x": mx, "y": my},
                                {"type": "scatter", "text": _texts(runs, names, t, labels)}]})

    step_args = {"mode": "immediate", "frame": {"duration": 0, "redraw": False},
                 "transition": {"duration": 0}}
    layout = {
        "height": plot_px + 20, "font": {"family": FONT}, "hovermode": "closest", "dragmode": False,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        "xaxis": {"range": list(surface.xlim), "title": {"text": "x"}, "constrain": "domain"},
        # no y title: its width is the numbers' below on a phone (θ = (x, y) names the axes)
        "yaxis": {"range": list(surface.ylim),
                  "domain": [contour_bottom, 1.0]},
        "xaxis2": {"range": [0, 1], "visible": False, "fixedrange": True, "anchor": "y2"},
        "yaxis2": {"range": [-float(max(sum(heights), 1)), 0.2], "visible": False,
                   "fixedrange": True, "domain": [0, split], "anchor": "x2"},
        "sliders": [{
            "active": ts.index(active_t), "len": 1.0, "x": 0, "y": slider_top,
            "yanchor": "top", "pad": {"t": 0, "b": 0},
            "currentvalue": {"prefix": "t = ", "font": {"size": 14}, "xanchor": "right",
                             "offset": 8},
            "steps": [{"label": str(t), "method": "animate", "args": [[str(t)], step_args]}
                      for t in ts],
        }],
        "updatemenus": [{
            "type": "buttons", "showactive": False, "x": 0, "y": slider_top,
            "xanchor": "left", "yanchor": "bottom", "direction": "left", "pad": {"b": 4},
            "buttons": [
                {"label": labels.play, "method": "animate",
                 # from step 0 every time: the figure opens at the last step
                 "args": [None, {"frame": {"duration": 80, "redraw": False},
                                 "transition": {"duration": 0}, "mode": "immediate"}]},
                {"label": labels.pause, "method": "animate",
                 "args": [[None], {"mode": "immediate", "frame": {"duration": 0,
                                                                   "redraw": False}}]},
            ],
        }],
    }
    # The points and numbers open at step ``active_t`` too: the frames only replace them.
    return {"data": traces, "layout": still_layout(layout), "frames": frames}


def make_loss_figure(runs: list[Run], names: list[str], *, labels: LabLabels | None = None,
                     height: int = 300, clip: dict | None = None) -> go.Figure:
    """f(θ_t) against t for every run; log scale unless some loss is ≤ 0. ``clip``
    (viewstate.optimizers_lab.loss_clip) fixes the axis to the drawn region's range of f, so
    a run that runs away leaves the frame instead of squashing the others flat."""
    labels = labels or LabLabels()
    traces = []
    for i, (run, name) in enumerate(zip(runs, names, strict=True)):
        traces.append({"type": "scatter", "x": np.arange(len(run.traj.loss)),
                       "y": run.traj.loss, "mode": "lines", "name": name,
                       "line": {"color": colour(i), "width": 2},
                       "hovertemplate": f"{name}<br>t = %{{x}}<br>f = %{{y:.4g}}<extra></extra>"})
    log = loss_is_log(runs)
    layout = {
        "height": height, "font": {"family": FONT}, "hovermode": "x unified",
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        "xaxis": {"title": {"text": labels.step_axis}},
        "yaxis": {"title": {"text": labels.loss_axis}, "type": "log" if log else "linear",
                  "exponentformat": "power"},
    }
    if clip:
        layout["yaxis"]["range"] = list(clip["range"])
    return go.Figure(data=traces, layout=still_layout(layout))
