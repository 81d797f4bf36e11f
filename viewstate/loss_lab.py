r"""The loss lab's logic: loss and its derivative against the prediction, the gradient at the
logit for sigmoid + BCE against sigmoid + MSE, softmax + cross-entropy's y − t next to the
Jacobian route it short-cuts, and what log(0) does with and without the textbook's + 1e-7.

Every number comes from ``losses`` and ``activations``; the chain rule for sigmoid + MSE is
the one product this module writes itself (it is what the page teaches). The URL of the
lab's view (``/loss?t=1&y=0.2&a=-5``) is read and written here. No Streamlit here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

import activations as act
import losses
from activations import exam_style
from activations.source_code import source
from viewstate.logits import DEFAULT_LOGITS, format_logits
from viewstate.query import Problem, fmt_number, last_value, number

# --- the view and its URL ---------------------------------------------------------------
Y_MIN, Y_MAX = 0.001, 0.999  # BCE is infinite at 0 and 1: the slider stops short of them
A_MIN, A_MAX = -10.0, 10.0  # σ(±10) is within 5e-5 of 0 and 1: saturated enough to see
MAX_LABEL = 9  # labels count from 0, as in the textbook: 10 classes at most, as the logits
EXTRA_A = 1000.0  # |a| of the logit a learner may add to ④'s table
DEFAULTS = {"t": 1.0, "y": 0.2, "a": -5.0, "ta": 1, "label": 0}
SATURATED_DSIGMA = 0.05  # σ′(a) at most a fifth of its peak 0.25 (|a| ≳ 2.9): saturated
EXAMPLE_A = -5.0  # the example the section's text quotes: t = 1, a far on the wrong side


@dataclass(frozen=True)
class LossView:
    t: float = DEFAULTS["t"]  # target of the first section (0..1)
    y: float = DEFAULTS["y"]  # prediction of the first section
    a: float = DEFAULTS["a"]  # logit of the second section
    ta: int = DEFAULTS["ta"]  # target of the second section (0 or 1)
    logits: str = format_logits(DEFAULT_LOGITS)  # third section, as typed
    label: int = DEFAULTS["label"]  # the correct class, 0-based as on screen
    extra: float | None = None  # the logit added to ④'s table, if any


_RANGES: dict[str, tuple[float, float]] = {"t": (0.0, 1.0), "y": (Y_MIN, Y_MAX),
                                           "a": (A_MIN, A_MAX)}


def parse_query(raw: Mapping) -> tuple[LossView, list[Problem]]:
    """The view a link asks for; each bad value falls back to its default, with a Problem."""
    problems: list[Problem] = []
    fields: dict = {}
    for name, (lo, hi) in _RANGES.items():
        v = number(raw, name, DEFAULTS[name], problems)
        if not lo <= v <= hi:  # quoted as typed: 1e400, not the inf it reads as
            problems.append(Problem("out_of_range", {"field": name, "value": last_value(raw[name]),
                                                     "lo": fmt_number(lo), "hi": fmt_number(hi),
                                                     "default": fmt_number(DEFAULTS[name])}))
            v = DEFAULTS[name]
        fields[name] = float(v)
    for name, allowed in (("ta", (0, 1)), ("label", range(MAX_LABEL + 1))):
        v = number(raw, name, DEFAULTS[name], problems)
        if v not in allowed:  # 1.0 == 1 counts; 0.5 and 10 do not
            problems.append(Problem("not_allowed", {"field": name, "value": last_value(raw[name]),
                                                    "default": str(DEFAULTS[name])}))
            v = DEFAULTS[name]
        fields[name] = int(v)
    if "logits" in raw:  # read later like anything typed, with its own warnings
        fields["logits"] = last_value(raw["logits"])
    if "extra" in raw:
        v = number(raw, "extra", None, [])
        if v is None or not -EXTRA_A <= v <= EXTRA_A:
            problems.append(Problem("extra", {"value": last_value(raw["extra"]),
                                              "max": fmt_number(EXTRA_A)}))
        else:
            fields["extra"] = float(v)
    return LossView(**fields), problems


def to_query(view: LossView) -> dict[str, str]:
    """The URL query of the view, defaults left out."""
    default = LossView()
    query = {}
    for name in ("t", "y", "a", "ta", "label", "logits", "extra"):
        value = getattr(view, name)
        if value is not None and value != getattr(default, name):
            # 12 digits: a slider's 0.15000000000000002 is the 0.15 it shows
            query[name] = value if isinstance(value, str) else fmt_number(float(f"{value:.12g}"))
    return query


# --- the formulas the page shows: the ``.. math::`` blocks of the core's docstrings ----------
_MATH_START = re.compile(r"^(\s*)\.\. math:: (.+)$")


def math_block(fn: Callable) -> str:
    """The whole ``.. math::`` block of ``fn``'s docstring, continuation lines included (the
    losses' formulas span two lines where they show a second, equal form)."""
    lines = (fn.__doc__ or "").splitlines()
    for i, line in enumerate(lines):
        m = _MATH_START.match(line)
        if not m:
            continue
        parts, indent = [m.group(2).strip()], len(m.group(1))
        for more in lines[i + 1:]:
            if not more.strip() or len(more) - len(more.lstrip()) <= indent:
                break
            parts.append(more.strip())
        return " ".join(parts)
    raise ValueError(f"{fn.__name__} has no '.. math::' block")


_P = re.compile(r"(?<![A-Za-z\\])p(?![A-Za-z])")  # the symbol p, not the p of \partial


def in_y(latex: str) -> str:
    """A BCE formula of the core (argument p) in the page's name for the prediction, y."""
    return _P.sub("y", latex)


def ratio_text(ratio: float) -> tuple[bool, str]:
    """(rounded?, digits) of a ratio as the page reads it: 22026.5 → (True, "22,000"),
    150.4 → (True, "150"), 4.0 → (False, "4")."""
    rounded = float(f"{ratio:.2g}") if ratio >= 1000 else float(f"{ratio:.3g}")
    digits = f"{rounded:,.0f}" if rounded >= 100 else f"{rounded:g}"
    return rounded != ratio, digits


def _sigmoid_grad(a):
    return act.REGISTRY["sigmoid"].grad(a)


# Shown next to the numbers they produce; the page's tests compute each one again.
SIGMOID_MSE_LATEX = (r"\begin{aligned} \frac{\partial E}{\partial a} &= \frac{\partial E}{\partial y}"
                     r"\,\frac{\partial y}{\partial a} = (y - t)\,\sigma'(a) \\"
                     r" &= (y - t)\,y\,(1 - y) \end{aligned}")
JACOBIAN_ROUTE_LATEX = (r"\begin{aligned} \frac{\partial E}{\partial a} &= J^{\top}"
                        r"\frac{\partial E}{\partial y},\quad \frac{\partial E}{\partial y_k}"
                        r" = -\frac{t_k}{y_k} \\ J &= \operatorname{diag}(y) - y\,y^{\top}"
                        r" \end{aligned}")
NAIVE_LOG_LATEX = r"-\log y"
TEXTBOOK_LOG_LATEX = r"-\log(y + 10^{-7})"
STABLE_LOG_LATEX = (r"\begin{gathered} -\log \operatorname{softmax}(a)_k = -a_k + c + \log S \\"
                    r" S = \textstyle\sum_j e^{a_j - c},\quad c = \max_j a_j \end{gathered}")


# --- ① loss against the prediction ---------------------------------------------------------
@dataclass(frozen=True)
class LossCurves:
    y: np.ndarray  # predictions, Y_MIN..Y_MAX
    bce: np.ndarray
    bce_grad: np.ndarray  # ∂E/∂y
    se: np.ndarray  # ½(y − t)²
    se_grad: np.ndarray  # y − t


def loss_curves(t: float, points: int = 400) -> LossCurves:
    y = np.linspace(Y_MIN, Y_MAX, points)
    return LossCurves(y, losses.binary_cross_entropy(y, t), losses.binary_cross_entropy_grad(y, t),
                      losses.squared_error(y, t), losses.squared_error_grad(y, t))


@dataclass(frozen=True)
class LossProbe:
    """Both losses and their derivatives at one prediction, with PyTorch's mean convention."""

    y: float
    t: float
    bce: float
    bce_grad: float
    se: float  # ½(y − t)²: the exam's ½Σ over one output
    se_grad: float
    mean: float  # MSELoss's mean over the outputs, no ½: (y − t)² for one output
    mean_grad: float


def loss_probe(y: float, t: float) -> LossProbe:
    one = (np.array([y]), np.array([t]))
    return LossProbe(
        y, t, float(losses.binary_cross_entropy(y, t)),
        float(losses.binary_cross_entropy_grad(y, t)),
        losses.mean_squared_error(*one, convention="half_sum"),
        float(losses.mean_squared_error_grad(*one, convention="half_sum")[0]),
        losses.mean_squared_error(*one, convention="mean"),
        float(losses.mean_squared_error_grad(*one, convention="mean")[0]))


# --- ② the gradient at the logit: sigmoid + BCE against sigmoid + MSE -----------------------
def logit_grads(a, t):
    """(∂E/∂a for sigmoid + BCE, ∂E/∂a for sigmoid + ½(y − t)²) at the logits ``a``."""
    a = np.asarray(a, dtype=float)
    y = act.sigmoid(a)
    bce = losses.binary_cross_entropy_with_logits_grad(a, t)
    mse = losses.squared_error_grad(y, t) * _sigmoid_grad(a)  # the chain rule: σ′(a) stays
    return bce, mse


@dataclass(frozen=True)
class LogitCurves:
    a: np.ndarray
    bce: np.ndarray  # |∂E/∂a|
    mse: np.ndarray


def logit_curves(t: int, points: int = 401) -> LogitCurves:
    a = np.linspace(A_MIN, A_MAX, points)
    bce, mse = logit_grads(a, t)
    return LogitCurves(a, np.abs(bce), np.abs(mse))


@dataclass(frozen=True)
class LogitProbe:
    a: float
    t: int
    y: float  # σ(a)
    dsigma: float  # σ′(a)
    bce: float  # ∂E/∂a, signed
    mse: float
    ratio: float  # |BCE| / |MSE| = 1 / σ′(a): how many times smaller MSE's gradient is

    @property
    def boundary(self) -> bool:
        """y = ½ (a = 0): on neither side (to far below the digits the page prints)."""
        return abs(self.y - 0.5) <= 1e-12

    @property
    def wrong(self) -> bool:
        """The output is on the wrong side of ½ (a confident mistake when |a| is large)."""
        return not self.boundary and ((self.y < 0.5) if self.t == 1 else (self.y > 0.5))

    @property
    def verdict(self) -> str:
        """"stall" (wrong and saturated), "wrong" (not yet saturated), "boundary" or "right"."""
        if self.boundary:
            return "boundary"
        if not self.wrong:
            return "right"
        return "stall" if self.dsigma <= SATURATED_DSIGMA else "wrong"


def logit_probe(a: float, t: int) -> LogitProbe:
    bce, mse = (float(v) for v in logit_grads(a, t))
    ratio = abs(bce) / abs(mse) if mse != 0 else math.inf
    return LogitProbe(float(a), int(t), float(act.sigmoid(a)), float(_sigmoid_grad(a)),
                      bce, mse, ratio)


# --- ③ softmax + cross-entropy: y − t and the Jacobian route ----------------------------
@dataclass(frozen=True)
class SoftmaxRoutes:
    a: np.ndarray  # logits
    y: np.ndarray  # softmax(a)
    t: np.ndarray  # one-hot
    loss: float  # fused, stable
    fused: np.ndarray  # y − t (N = 1)
    de_dy: np.ndarray  # −t / y
    jacobian: np.ndarray  # diag(y) − y yᵀ
    via_jacobian: np.ndarray  # Jᵀ · ∂E/∂y

    @property
    def broken(self) -> bool:
        """The Jacobian route failed (y underflowed to 0 at the label: −t/y = −inf)."""
        return not bool(np.all(np.isfinite(self.via_jacobian)))

    @property
    def y_label(self) -> float:
        """y at the label; exactly 0 once e^(a_label − max a) underflows."""
        return float(self.y[np.argmax(self.t)])

    @property
    def max_diff(self) -> float:
        return float(np.max(np.abs(self.fused - self.via_jacobian)))


def softmax_routes(logits, label: int) -> SoftmaxRoutes:
    """Both routes to ∂E/∂a for one sample with the 0-based ``label``."""
    a = np.asarray(logits, dtype=float)
    t = losses.one_hot(np.array(label), a.size)
    y = act.softmax(a)
    de_dy = losses.cross_entropy_grad(y, t)[0]
    jac = act.softmax_jacobian(a)
    # −inf · 0 is NaN: where y underflows the route breaks, and the page says so
    with np.errstate(invalid="ignore", over="ignore"):
        via = jac.T @ de_dy
    return SoftmaxRoutes(a, y, t, losses.softmax_cross_entropy(a, t),
                         losses.softmax_cross_entropy_grad(a, t)[0], de_dy, jac, via)


# --- ④ log(0), the textbook's + 1e-7 and the stable form ---------------------------------
SAFETY_Y = (0.5, 1e-3, 1e-7, 1e-10, 1e-300)  # the probabilities of the correct class shown
ZERO_A = -800.0  # e^-800 is below the smallest float64 (≈ 4.9e-324): y rounds to exactly 0
TEXTBOOK_DELTA = 1e-7


@dataclass(frozen=True)
class SafetyRow:
    a: float  # logit of the correct class, the other class's logit is 0
    y: float  # softmax([a, 0])₁
    naive: float  # −log y: inf once y is 0
    textbook: float  # cross_entropy_error: −log(y + 1e-7)
    stable: float  # softmax + cross-entropy from the logits, the true value


def logit_for(y: float) -> float:
    """The logit a with softmax([a, 0])₁ = σ(a) = y."""
    return math.log(y) - math.log1p(-y)


def safety_row(a: float) -> SafetyRow:
    z = np.array([a, 0.0])
    t = np.array([1.0, 0.0])
    y = act.softmax(z)
    with np.errstate(divide="ignore"):  # the naive form is here to fail
        naive = float(-np.log(y[0]))
    return SafetyRow(a, float(y[0]), naive, float(losses.cross_entropy_error(y, t)),
                     losses.softmax_cross_entropy(z, t))


def safety_rows(extra_a: float | None = None) -> list[SafetyRow]:
    rows = [safety_row(logit_for(y)) for y in SAFETY_Y] + [safety_row(ZERO_A)]
    if extra_a is not None:
        rows.append(safety_row(extra_a))
    return rows


def below_zero(rows: list[SafetyRow]) -> SafetyRow | None:
    """The first row whose textbook loss is negative: y near 1 makes −log(y + 1e-7) < 0."""
    return next((r for r in rows if r.textbook < 0), None)


def textbook_cap() -> float:
    """The largest loss the textbook's form can give: y = 0 at the label, −log(0 + 1e-7)."""
    return float(losses.cross_entropy_error(np.array([0.0, 1.0]), np.array([1.0, 0.0])))


def exam_source() -> str:
    """The textbook-form code the page shows: the loss with its + 1e-7 and the fused layer."""
    return "\n\n".join(source(obj) for obj in (exam_style.cross_entropy_error,
                                                          exam_style.SoftmaxWithLoss))
