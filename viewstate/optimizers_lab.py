"""The optimizer lab's logic, without Streamlit: presets, runs, the start point, the numbers
of a scrubbed step and the facts each preset's text states, all computed by the core.

A *line* is one optimizer with its hyper-parameters; a preset may draw the same optimizer
twice (SGD at two learning rates, Adam with and without bias correction).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from optimizers import OPTIMIZERS, SURFACES, Surface, Trajectory, trajectory
from optimizers.params import STEPS
from viewstate.query import Problem, fmt_number, last_value

CUSTOM = "custom"
SLIDER_FORMAT = "%g"  # a hyper-parameter slider shows β₂ = 0.999 as 0.999, not Streamlit's 1.00
MAX_FRAMES = 100  # scrub positions sent to the browser: a 1000-step run shows every 10th step
DEFAULT_OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")


@dataclass(frozen=True)
class Line:
    """One drawn trajectory: an optimizer, its hyper-parameters, and a variant label key."""

    optimizer: str
    hyper: Mapping = field(default_factory=dict)
    variant: str = ""  # UI-catalogue suffix for a second line of one optimizer ("" if none)

    @property
    def key(self) -> str:
        return f"{self.optimizer}:{self.variant}" if self.variant else self.optimizer


@dataclass(frozen=True)
class Preset:
    name: str
    surface: str
    lines: tuple[Line, ...]
    steps: int
    start: tuple[float, float] | None = None  # None: the surface's own start


PRESETS: Mapping[str, Preset] = {
    p.name: p
    for p in (
        # ch06 optimizer_compare_naive.py: 30 updates from (-7, 2) with these learning rates
        Preset("textbook", "textbook", (Line("sgd", {"lr": 0.95}), Line("momentum", {"lr": 0.1}),
                                         Line("adagrad", {"lr": 1.5}), Line("adam", {"lr": 0.3})),
               30),
        Preset("divergence", "textbook", (Line("sgd", {"lr": 1.05}, "above"),
                                          Line("sgd", {"lr": 0.95}, "below")), 30),
        # each at a learning rate that works for it on this valley (RMSProp at 0.3 bounces)
        Preset("adagrad", "rosenbrock", (Line("adagrad", {"lr": 0.3}, "eta"),
                                         Line("rmsprop", {"lr": 0.03}, "eta")), 1000),
        Preset("bias", "textbook", (Line("adam", {"lr": 0.3, "bias_correction": True}, "bias_on"),
                                    Line("adam", {"lr": 0.3, "bias_correction": False},
                                         "bias_off")), 10),
        Preset("saddle", "saddle", (Line("sgd", {"lr": 0.05}), Line("momentum", {"lr": 0.05}),
                                    Line("adam", {"lr": 0.05})), 60),
        # CONTENT_NOTES: NAG's first step lands at (0.905, 0.05), the textbook code's at
        # (0.8645, -0.355) on ½(x² + 10y²) from (1, 1), μ = 0.9, η = 0.05
        Preset("nesterov", "ill_conditioned",
               (Line("nesterov", {"lr": 0.05, "momentum": 0.9}),
                Line("nesterov_textbook", {"lr": 0.05, "momentum": 0.9})), 30),
    )
}
PRESET_NAMES = (CUSTOM, *PRESETS)


@dataclass(frozen=True)
class Run:
    line: Line
    traj: Trajectory


def run_lines(surface: str, lines, start, steps: int) -> list[Run]:
    """Every line's whole trajectory, computed once; the browser scrubs through them."""
    return [Run(line, trajectory(line.optimizer, surface, start, steps, **line.hyper))
            for line in lines]


# ---- the start point ----------------------------------------------------------------------


def inside(surface: Surface, xy) -> bool:
    (x0, x1), (y0, y1) = surface.xlim, surface.ylim
    x, y = xy
    return all(isinstance(v, int | float) and math.isfinite(v) for v in xy) and (
        x0 <= x <= x1 and y0 <= y <= y1)


def clean_start(surface: Surface, x, y) -> tuple[tuple[float, float], Problem | None]:
    """The start if it lies on the drawn region, else the surface's own start and a Problem."""
    try:
        xy = (float(x), float(y))
    except (TypeError, ValueError):
        xy = (math.nan, math.nan)
    if inside(surface, xy):
        return xy, None
    fields = {"x": _text(xy[0]), "y": _text(xy[1]),
              "xmin": fmt_number(surface.xlim[0]), "xmax": fmt_number(surface.xlim[1]),
              "ymin": fmt_number(surface.ylim[0]), "ymax": fmt_number(surface.ylim[1]),
              "sx": fmt_number(surface.start[0]), "sy": fmt_number(surface.start[1])}
    return tuple(surface.start), Problem("start_outside", fields)


def _text(v: float) -> str:
    return fmt_number(v) if math.isfinite(v) else "?"


def start_from_click(points: list, surface: Surface) -> tuple[float, float] | None:
    """The clicked point of the chart, rounded to 1/100 of the region, or None."""
    for p in points:
        if not isinstance(p, dict):
            continue
        x, y = p.get("x"), p.get("y")
        if isinstance(x, int | float) and isinstance(y, int | float) and inside(surface, (x, y)):
            decimals = max(0, 2 - math.floor(math.log10(surface.xlim[1] - surface.xlim[0])))
            return round(float(x), decimals), round(float(y), decimals)
    return None


def click_grid(surface: Surface, n: int = 41) -> tuple[np.ndarray, np.ndarray]:
    """Points a click can select (Plotly selects markers only): an n × n grid on the region."""
    gx, gy = np.meshgrid(np.linspace(*surface.xlim, n), np.linspace(*surface.ylim, n))
    return gx.ravel(), gy.ravel()


# ---- the URL ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    preset: str
    start: tuple | None  # None: the default start
    surface: str | None  # custom mode's function; None: the default (or the preset's own)
    problems: list[Problem]


def parse_query(raw: Mapping) -> Query:
    """``?preset=…&fn=…&x=…&y=…``: the preset (custom if absent), the custom function and the
    start (None if absent or unreadable, with a Problem)."""
    problems: list[Problem] = []
    preset = last_value(raw.get("preset", CUSTOM)) or CUSTOM
    if preset not in PRESET_NAMES:
        problems.append(Problem("bad_preset", {"value": preset[:40]}))
        preset = CUSTOM
    surface = None
    if preset == CUSTOM and "fn" in raw:
        surface = last_value(raw["fn"])
        if surface not in SURFACES:
            problems.append(Problem("bad_surface", {"value": surface[:40]}))
            surface = None
    start, more = _parse_start(raw)
    return Query(preset, start, surface, problems + more)


def _parse_start(raw: Mapping) -> tuple[tuple | None, list[Problem]]:
    problems: list[Problem] = []
    if "x" not in raw and "y" not in raw:
        return None, problems
    values = []
    for name in ("x", "y"):
        text = last_value(raw.get(name, ""))
        try:
            values.append(float(text))
        except ValueError:
            problems.append(Problem("not_number", {"name": name, "value": text[:40]}))
            return None, problems
    return tuple(values), problems


def to_query(preset: str, start, surface: str | None = None) -> dict[str, str]:
    """The link to this view; custom mode names its function (a preset implies its own)."""
    fn = {"fn": surface} if preset == CUSTOM and surface else {}
    return {"preset": preset, **fn, "x": fmt_number(start[0]), "y": fmt_number(start[1])}


# ---- the numbers of one step, for the browser ----------------------------------------------

_SYMBOLS = {"v": "v", "h": "h", "m": "m", "m_hat": "m̂", "v_hat": "v̂"}


def num(v: float, digits: int = 4) -> str:
    """``digits`` significant digits, no noise: 0.3, -1.234e-5."""
    v = float(v)
    if v == 0:
        return "0"
    return f"{v:.{digits}g}".replace("e-0", "e-").replace("e+0", "e+")


def vec(xy, digits: int = 4) -> str:
    return f"({num(xy[0], digits)}, {num(xy[1], digits)})"


READOUT_DIGITS = 3  # two vectors to a line must fit a 390 px phone


def step_lines(traj: Trajectory, t: int, digits: int = READOUT_DIGITS) -> list[str]:
    """What step t did, two quantities to a line (symbols only: no language).

    t = 0 is the start. A step past the end of a run that escaped shows its last step."""
    t = min(t, traj.steps)

    def v(xy):
        return vec(xy, digits)

    if t == 0:
        return [f"t = 0  θ = {v(traj.positions[0])}  f = {num(traj.loss[0], digits)}"]
    s = traj.at(t)
    out = [f"t = {t}  θ = {v(s['theta'])}  f = {num(s['loss'], digits)}",
           f"g = {v(s['g'])}  Δθ = {v(s['update'])}"]
    if "m" in traj.state:  # Adam: m and v, then m̂ and v̂
        out.append(f"m = {v(s['m'])}  v = {v(s['v'])}")
        if "m_hat" in traj.state:
            out.append(f"m̂ = {v(s['m_hat'])}  v̂ = {v(s['v_hat'])}")
    else:
        out.extend(f"{_SYMBOLS[k]} = {v(s[k])}" for k in ("v", "h") if k in traj.state)
    return out


def frame_steps(steps: int, max_frames: int = MAX_FRAMES) -> list[int]:
    """The steps the browser can scrub to: all of them, or max_frames spread evenly (0 and the
    last always among them)."""
    if steps <= max_frames:
        return list(range(steps + 1))
    return sorted({round(v) for v in np.linspace(0, steps, max_frames + 1)})


def loss_is_log(runs: list[Run]) -> bool:
    """Log scale unless some loss is ≤ 0 (the saddle's f = x² − y² goes negative)."""
    return all(np.all(r.traj.loss > 0) for r in runs)


def region_f_range(surface: Surface, n: int = 81) -> tuple[float, float]:
    """min and max of f over the drawn region (an n × n grid with its edges and corners)."""
    gx, gy = np.meshgrid(np.linspace(*surface.xlim, n), np.linspace(*surface.ylim, n))
    z = surface.f(gx, gy)
    return float(z.min()), float(z.max())


def loss_clip(surface: Surface, runs: list[Run]) -> dict | None:
    """On a linear loss axis, a run that leaves the region (f → −∞ past a saddle) would squash
    every other line flat: the axis then shows the region's range of f, padded by 5 %.
    None when every loss stays in that range (or the axis is logarithmic)."""
    if loss_is_log(runs):
        return None
    lo, hi = region_f_range(surface)
    out = [r.line.key for r in runs if np.any((r.traj.loss < lo) | (r.traj.loss > hi))]
    if not out:
        return None
    pad = 0.05 * (hi - lo)
    return {"lo": lo, "hi": hi, "range": (lo - pad, hi + pad), "out": out}


# ---- the facts each preset's text states ---------------------------------------------------


def quadratic_threshold(surface: Surface) -> tuple[float, float] | None:
    """(λ_max, 2/λ_max) of a convex quadratic, None for other surfaces."""
    if surface.lambda_max is None:
        return None
    return surface.lambda_max, surface.divergence_lr


def stationary(surface: Surface, start) -> bool:
    """Whether the gradient is 0 at the start: then no optimizer here ever moves."""
    return not np.any(np.array(surface.grad(*map(float, start)), dtype=float))


def off_steepest_axis(surface: Surface, start) -> bool:
    """Whether the start has a component along the Hessian's top eigenvector (from the
    minimum). Without one, gradient descent never moves that way, so the learning rate's
    threshold 2/λ_max cannot show: the presets' text says so instead."""
    h = np.array(surface.hessian, dtype=float)
    _, vectors = np.linalg.eigh(h)
    offset = np.asarray(start, dtype=float) - np.asarray(surface.minimum, dtype=float)
    return abs(float(vectors[:, -1] @ offset)) > 1e-12


def divergence_facts(surface: Surface, runs: list[Run]) -> dict:
    """For SGD lines on a quadratic: the threshold, and per line the factor |1 − ηλ_max| by
    which the steepest direction's coordinate grows (> 1) or shrinks (< 1) each step."""
    lam, thr = quadratic_threshold(surface)
    lines = []
    for r in runs:
        lr = r.traj.hyper["lr"]
        lines.append({"key": r.line.key, "lr": lr, "factor": abs(1 - lr * lam),
                      "diverges": lr > thr, "final_loss": float(r.traj.loss[-1])})
    return {"lambda_max": lam, "threshold": thr, "lines": lines}


def zigzag_factor(surface: Surface, lr: float) -> float:
    """What SGD multiplies the steepest direction's coordinate by each step: 1 − ηλ_max
    (negative: it changes sign every step, the zig-zag)."""
    return 1 - lr * surface.lambda_max


def effective_lr(traj: Trajectory) -> np.ndarray:
    """η/(√h + ε) per step and coordinate: the learning rate AdaGrad and RMSProp really use."""
    return traj.hyper["lr"] / (np.sqrt(traj.state["h"]) + 1e-7)


def adagrad_facts(runs: list[Run]) -> dict:
    out = {}
    for r in runs:
        eff = effective_lr(r.traj)
        sizes = r.traj.step_sizes
        out[r.line.optimizer] = {
            "lr": r.traj.hyper["lr"],
            "first_step": float(sizes[0]), "last_step": float(sizes[-1]),
            "first_eff": float(eff[0, 0]), "last_eff": float(eff[-1, 0]),
            "first_grad": float(np.linalg.norm(r.traj.grads[0])),
            "last_grad": float(np.linalg.norm(r.traj.grads[-1])),
            # the share of h's x component that the first squared gradient still holds
            "first_share": float(r.traj.grads[0, 0] ** 2 / r.traj.state["h"][-1, 0]),
            "end": tuple(float(v) for v in r.traj.positions[-1]),
            "final_loss": float(r.traj.loss[-1]), "steps": r.traj.steps,
        }
    return out


def bias_facts(runs: list[Run]) -> dict:
    """Adam's first update per coordinate, with and without the bias correction, and the
    largest |Δθ| component over the run."""
    out = {}
    for r in runs:
        first = np.abs(r.traj.updates[0])
        hyper = r.traj.hyper
        out[r.line.variant] = {"first": float(first.max()), "lr": hyper["lr"],
                               "final_loss": float(r.traj.loss[-1]),
                               # m/√v at t = 1 without the correction, per unit of η
                               "factor": (1 - hyper["beta1"]) / math.sqrt(1 - hyper["beta2"])}
    return out


def leave_step(traj: Trajectory, bound: float = 1.0) -> int | None:
    """The first step at which |y| > bound: the run has left the saddle point's ridge."""
    y = np.abs(traj.positions[:, 1])
    hits = np.nonzero(y > bound)[0]
    return int(hits[0]) if hits.size else None


def saddle_facts(runs: list[Run]) -> dict:
    return {r.line.key: leave_step(r.traj) for r in runs}


def saddle_case(start, bound: float = 1.0) -> str:
    """Which saddle text fits the start: on the ridge y = 0 (no push away, ever), already past
    |y| > bound (nothing left to escape), or near the ridge (the escape the preset times)."""
    y = float(start[1])
    if y == 0:
        return "on_ridge"
    return "outside" if abs(y) > bound else "near"


def first_step_facts(runs: list[Run]) -> dict:
    """Where each line's first step lands (the two Nesterovs differ from the first step)."""
    return {r.line.key: tuple(float(v) for v in r.traj.positions[1]) for r in runs}


def final_losses(runs: list[Run]) -> dict:
    return {r.line.key: float(r.traj.loss[-1]) for r in runs}


def check_steps(value) -> int:
    """The steps slider's value as a whole number in range (the default if it is not)."""
    try:
        v = STEPS.check(value)
    except ValueError:
        return int(STEPS.default)
    return round(v)


def custom_lines(names, hypers: Mapping[str, Mapping]) -> tuple[tuple[Line, ...], list[str]]:
    """The chosen optimizers as lines with checked hyper-parameters; a bad value falls back to
    the optimizer's default and its name is returned."""
    lines, bad = [], []
    for name in names:
        if name not in OPTIMIZERS:
            continue
        spec = OPTIMIZERS[name]
        hyper = {}
        for p in spec.params:
            value = hypers.get(name, {}).get(p.name, p.default)
            try:
                hyper[p.name] = p.check(value)
            except ValueError:
                hyper[p.name] = p.default
                bad.append(f"{name}.{p.name}")
        lines.append(Line(name, hyper))
    return tuple(lines), bad


def surface_of(name: str) -> Surface:
    return SURFACES[name]
