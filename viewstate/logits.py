"""The softmax lab's logic: reading a logit vector typed by a learner, temperature, the
naive formula next to the max-subtracted one, shift invariance, and two classes as a
sigmoid. No Streamlit here; the page turns the problems into messages.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

import activations as act
from viewstate.query import fmt_number, last_value

MIN_CLASSES = 2
MAX_CLASSES = 10
MAX_ABS_LOGIT = 1e6  # beyond this a logit is a typo, and x / T could overflow
T_MIN, T_MAX = 0.1, 10.0
DEFAULT_LOGITS = (2.0, 1.0, 0.1)
OVERFLOW_LOGITS = (1010.0, 1000.0, 990.0)  # exp(1010) overflows float64 (max ≈ e^709.8)

# The formulas the page shows next to what it computes.
TEMPERATURE_LATEX = r"h_T(x_i) = \frac{e^{x_i / T}}{\sum_{j} e^{x_j / T}} = \operatorname{softmax}(x / T)_i"
SHIFT_LATEX = r"\operatorname{softmax}(x + c)_i = \frac{e^{c}\, e^{x_i}}{e^{c} \sum_j e^{x_j}} = \operatorname{softmax}(x)_i"
JACOBIAN_MATRIX_LATEX = r"J = \operatorname{diag}(s) - s\,s^{\top}, \quad s = \operatorname{softmax}(z)"
TWO_CLASS_LATEX = r"\frac{e^{a}}{e^{a} + e^{b}} = \frac{1}{1 + e^{-(a - b)}} = \sigma(a - b)"
NAIVE_LATEX = r"\frac{e^{x_i}}{\sum_j e^{x_j}}"
STABLE_LATEX = r"\frac{e^{x_i - c}}{\sum_j e^{x_j - c}},\quad c = \max_j x_j"

_SEPARATORS = re.compile(r"[,\s;]+")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u30fc": "-"})


@dataclass(frozen=True)
class ParsedLogits:
    """The logits to use, and what was wrong with the input (empty when nothing was).

    Each problem is (kind, detail): kind is one of "empty", "not_number", "not_finite",
    "too_large", "too_few", "too_many"; the page words it in the learner's language.
    """

    values: tuple[float, ...]
    problems: tuple[tuple[str, str], ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_logits(text: str, default: tuple[float, ...] = DEFAULT_LOGITS,
                 max_abs: float = MAX_ABS_LOGIT) -> ParsedLogits:
    """Read "2, 1, 0.1" (commas, spaces, 、 or ; between; full-width digits welcome).

    Anything unusable falls back to ``default``; more than MAX_CLASSES numbers keep the
    first MAX_CLASSES.
    """
    # NFKC turns full-width digits, commas and 、 into ASCII-compatible forms.
    normal = unicodedata.normalize("NFKC", text or "").translate(_MINUS_SIGNS).replace("、", ",")
    tokens = [tok for tok in _SEPARATORS.split(normal.strip()) if tok]
    if not tokens:
        return ParsedLogits(default, (("empty", ""),))
    values = []
    for tok in tokens:
        try:
            v = float(tok)
        except ValueError:
            return ParsedLogits(default, (("not_number", tok),))
        if not math.isfinite(v):
            return ParsedLogits(default, (("not_finite", tok),))
        if abs(v) > max_abs:
            return ParsedLogits(default, (("too_large", tok),))
        values.append(v)
    if len(values) < MIN_CLASSES:
        return ParsedLogits(default, (("too_few", str(len(values))),))
    if len(values) > MAX_CLASSES:
        return ParsedLogits(tuple(values[:MAX_CLASSES]), (("too_many", str(len(values))),))
    return ParsedLogits(tuple(values))


def format_logits(values) -> str:
    """The text form parse_logits reads back exactly: "2, 1, 0.1"."""
    return ", ".join(fmt_number(v) for v in values)


def check_temperature(value) -> tuple[float, bool]:
    """(T, ok): T in [T_MIN, T_MAX], else 1.0 and ok False."""
    try:
        t = float(value)
    except (TypeError, ValueError):
        return 1.0, False
    if not (math.isfinite(t) and T_MIN <= t <= T_MAX):
        return 1.0, False
    return t, True


def softmax_t(logits, temperature: float = 1.0) -> np.ndarray:
    """softmax(x / T), stable (the registry's softmax subtracts the max)."""
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    return act.softmax(np.asarray(logits, dtype=float) / temperature)


@dataclass(frozen=True)
class TemperatureView:
    """Everything the lab shows for logits x at temperature T."""

    x: np.ndarray
    scaled: np.ndarray  # z = x / T
    probs: np.ndarray  # softmax(z)
    jacobian: np.ndarray  # ∂s_i/∂z_j
    total: float  # Σ probs, 1 up to rounding
    top: int  # argmax, the same for every T
    worst_row_sum: float  # max_i |Σ_j J_ij|, 0 up to rounding


def at_temperature(logits, temperature: float = 1.0) -> TemperatureView:
    x = np.asarray(logits, dtype=float)
    z = x / temperature
    probs = act.softmax(z)
    jac = act.softmax_jacobian(z)
    return TemperatureView(x, z, probs, jac, float(np.sum(probs)), int(np.argmax(probs)),
                           float(np.max(np.abs(jac.sum(axis=1)))))


@dataclass(frozen=True)
class NaiveVsStable:
    """Both ways of computing softmax, with the intermediate values a learner checks."""

    x: np.ndarray
    naive_exp: np.ndarray  # e^{x_i}: inf once x_i > ~709.78
    naive_sum: float
    naive: np.ndarray  # inf / inf = NaN
    shift: float  # c = max x
    stable_exp: np.ndarray  # e^{x_i - c} ≤ 1
    stable_sum: float
    stable: np.ndarray

    @property
    def naive_failed(self) -> bool:
        return not bool(np.all(np.isfinite(self.naive)))

    @property
    def stable_total(self) -> float:
        return float(np.sum(self.stable))


def naive_vs_stable(logits) -> NaiveVsStable:
    """The textbook e^x / Σe^x as written (overflow shown, not hidden) and the shifted form."""
    x = np.asarray(logits, dtype=float)
    # The naive form is here to fail: silence NumPy's warnings and let inf and NaN show.
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(x)
        total = float(np.sum(e))
        naive = e / total
    c = float(np.max(x))
    shifted = np.exp(x - c)
    shifted_sum = float(np.sum(shifted))
    return NaiveVsStable(x, e, total, naive, c, shifted, shifted_sum, shifted / shifted_sum)


def shift_invariance(logits, c: float) -> tuple[np.ndarray, np.ndarray, float]:
    """(softmax(x), softmax(x + c), the largest absolute difference between them)."""
    x = np.asarray(logits, dtype=float)
    p, q = act.softmax(x), act.softmax(x + c)
    return p, q, float(np.max(np.abs(p - q)))


def two_class(a: float, b: float) -> tuple[float, float, float]:
    """(softmax([a, b])[0], σ(a − b), |difference|): the same number, computed two ways."""
    via_softmax = float(act.softmax(np.array([a, b], dtype=float))[0])
    via_sigmoid = float(act.sigmoid(a - b))
    return via_softmax, via_sigmoid, abs(via_softmax - via_sigmoid)


def format_value(v: float) -> str:
    """A number as a learner should read it: NaN and inf spelled out, not hidden."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return f"{v:.6g}"


def parse_query(raw: Mapping) -> tuple[str, float, bool]:
    """(logits text, T, T was fine) from ``?logits=2,1,0.1&T=0.5``.

    The logits stay text: parse_logits reads them like anything typed, with its warnings.
    """
    text = last_value(raw["logits"]) if "logits" in raw else format_logits(DEFAULT_LOGITS)
    if "T" not in raw:
        return text, 1.0, True
    temperature, ok = check_temperature(last_value(raw["T"]))
    return text, temperature, ok


def to_query(values, temperature: float) -> dict[str, str]:
    """The URL query of the lab's view, defaults left out."""
    query = {}
    if tuple(values) != DEFAULT_LOGITS:
        query["logits"] = format_logits(values)
    if temperature != 1.0:
        query["T"] = fmt_number(temperature)
    return query
