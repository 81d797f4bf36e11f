"""Every answer key in quiz_data/ that can be computed is computed here, independently.

The banks are the part of the product most likely to hold a wrong fact, so:

- numeric questions: |answer − computed| ≤ tolerance, and the tolerance is tight enough to
  reject the plausible wrong answers listed with each entry (the distractors a learner
  would type: the function value instead of the derivative, a forgotten factor, ...);
- single-choice questions whose options are values: the computed value matches the keyed
  option (to the precision it is written in) and none of the others;
- NumPy fill-in questions: the code shown, with each option put in the blank, is run; the
  keyed option must reproduce the reference and every other option must not.

References are closed forms (mpmath, scipy.special, numpy) or ``activations``; the bank
text is never read for a value. The YAML is read with yaml.safe_load directly, so these
tests do not depend on the quiz engine.
"""

from __future__ import annotations

import math
import re
import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mpmath as mp
import numpy as np
import pytest
import yaml
from scipy.optimize import minimize_scalar
from scipy.special import erf, expit, logit, ndtr

import activations as act

BANK_DIR = Path(__file__).resolve().parent.parent / "quiz_data"

# SELU's constants as printed in Klambauer et al. (2017), not taken from the library.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946


def load_bank() -> dict[str, dict[str, Any]]:
    """All questions of quiz_data/*.yaml by id (ids are checked unique in test_bank_coverage)."""
    questions: dict[str, dict[str, Any]] = {}
    for path in sorted(BANK_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for q in data["questions"]:
            questions[q["id"]] = q
    return questions


BANK = load_bank()


def f(v: Any) -> float:
    return float(np.asarray(v))


def _minimum(fn: Callable[[float], float], lo: float, hi: float) -> tuple[float, float]:
    """(argmin, min) of a smooth scalar function on [lo, hi]."""
    r = minimize_scalar(fn, bounds=(lo, hi), method="bounded", options={"xatol": 1e-12})
    return float(r.x), float(r.fun)


def sm(x: list[float]) -> np.ndarray:
    """Softmax in mpmath at 50 digits: a reference that shares no code with activations."""
    with mp.workdps(50):
        e = [mp.e ** mp.mpf(v) for v in x]
        s = mp.fsum(e)
        return np.array([float(v / s) for v in e])


# ---------------------------------------------------------------- numeric questions


@dataclass(frozen=True)
class Numeric:
    value: Callable[[], float]
    near_misses: tuple[float, ...]  # plausible wrong answers the tolerance must reject


NUMERIC: dict[str, Numeric] = {
    "rs-sigmoid-value-2": Numeric(
        lambda: 1 / (1 + math.exp(-2)),
        # sigma(-2) (sign slip), sigma'(2), tanh(2), sigma(1)
        (f(act.sigmoid(-2)), f(act.sigmoid_grad(2)), math.tanh(2), f(act.sigmoid(1))),
    ),
    "rs-sigmoid-grad-value-1": Numeric(
        lambda: f(act.sigmoid_grad(1.0)),
        # the maximum 0.25, tanh's formula 1 - sigma^2, sigma(1) itself
        (0.25, 1 - f(act.sigmoid(1)) ** 2, f(act.sigmoid(1))),
    ),
    "rs-sigmoid-grad-from-output": Numeric(
        lambda: f(act.sigmoid_grad(logit(0.8))),  # the x where sigma(x) = 0.8
        (1 - 0.8**2, 0.8**2, 1 - 0.8),
    ),
    "sm-value-2-1-01": Numeric(
        lambda: sm([2.0, 1.0, 0.1])[0], (2.0 / 3.1, sm([2.0, 1.0, 0.1])[1])
    ),  # no exp; the second component
    "sm-uniform-value": Numeric(
        lambda: sm([0, 0, 0, 0])[0], (1.0, 0.0, 0.5)
    ),  # e^0 itself, zero, the two-class value
    "sm-jacobian-diag-value": Numeric(
        lambda: act.softmax_jacobian(np.array([1.0, 2.0, 3.0]))[2, 2],
        (sm([1, 2, 3])[2], sm([1, 2, 3])[2] ** 2, -sm([1, 2, 3])[1] * sm([1, 2, 3])[2]),
    ),
    "sm-jacobian-offdiag-value": Numeric(
        lambda: act.softmax_jacobian(np.array([1.0, 2.0, 3.0]))[0, 1],
        (sm([1, 2, 3])[0] * sm([1, 2, 3])[1], sm([1, 2, 3])[0] * (1 - sm([1, 2, 3])[0])),
    ),
    "lsm-value": Numeric(
        lambda: math.log(sm([1, 2, 3])[2]),
        (-math.log(sm([1, 2, 3])[2]), sm([1, 2, 3])[2], math.log(sm([1, 2, 3])[0])),
    ),
    "vg-sigmoid-5-layers": Numeric(
        lambda: f(act.sigmoid_grad(0.0)) ** 5, (0.25 * 5, 0.25**4, 0.25**6, 0.5**5)
    ),
    "vg-sigmoid-grad-from-095": Numeric(
        lambda: f(act.sigmoid_grad(logit(0.95))), (1 - 0.95, 1 - 0.95**2, 0.25)
    ),
    "vg-tanh-grad-2": Numeric(
        lambda: 1 / math.cosh(2) ** 2,
        # 1 - tanh (no square), sigmoid's formula on tanh, tanh(2) itself
        (1 - math.tanh(2), math.tanh(2) * (1 - math.tanh(2)), math.tanh(2)),
    ),
    "fm-tanh-value-1": Numeric(
        lambda: math.tanh(1), (f(act.sigmoid(1)), 1 - math.tanh(1) ** 2, math.tanh(0.5))
    ),
    "fm-leaky-value": Numeric(lambda: f(act.leaky_relu(-3.0, alpha=0.2)), (0.0, -3.0, 0.2)),
    "fm-elu-value": Numeric(lambda: math.expm1(-1), (math.exp(-1), -1.0, 0.0)),
    "fm-gelu-value-1": Numeric(
        lambda: float(mp.ncdf(1)),  # 1 * Phi(1)
        (f(act.swish(1.0)), f(act.gelu_grad(1.0)), 0.5),
    ),
    "fm-gelu-grad-max": Numeric(
        lambda: -_minimum(lambda x: -f(act.gelu_grad(x)), 0.0, 3.0)[1], (1.0, f(act.gelu_grad(1.0)))
    ),
    "fm-silu-min": Numeric(
        lambda: _minimum(lambda x: x * float(expit(x)), -3.0, 0.0)[1],
        (f(act.swish(-1.0)), -0.170, -0.309),
    ),  # x = -1, GELU's and Mish's minima
    "fm-mish-min": Numeric(
        lambda: _minimum(lambda x: x * math.tanh(math.log1p(math.exp(x))), -3.0, 0.0)[1],
        (-0.278, f(act.mish(-1.0)), -0.170),
    ),  # SiLU's minimum, x = -1, GELU's minimum
    "fm-selu-value": Numeric(
        lambda: SELU_LAMBDA * SELU_ALPHA * math.expm1(-1),
        (SELU_ALPHA * math.expm1(-1), math.expm1(-1), -SELU_LAMBDA * SELU_ALPHA),
    ),
    "fm-softplus-0": Numeric(lambda: math.log(2), (0.0, 0.5, math.log10(2))),
}


def test_every_numeric_question_is_checked():
    numeric = {qid for qid, q in BANK.items() if q["type"] == "numeric"}
    assert numeric - NUMERIC.keys() == set(), "numeric questions without a value check"
    assert NUMERIC.keys() - numeric == set(), "value checks for questions that are not numeric"


@pytest.mark.parametrize("qid", sorted(NUMERIC))
def test_numeric_answer(qid):
    q, check = BANK[qid], NUMERIC[qid]
    value, answer, tol = check.value(), q["answer"], q["tolerance"]
    assert abs(answer - value) <= tol, f"{qid}: key {answer} but computed {value:.6g}"
    for wrong in check.near_misses:
        # the wrong value must fall outside the tolerance around the key and the truth alike
        assert min(abs(wrong - answer), abs(wrong - value)) > tol, (
            f"{qid}: tolerance {tol} accepts the wrong answer {wrong:.6g}"
        )


# ------------------------------------------------------ single choice on a value

_NUMBER = r"[-−]?\d+(?:\.\d*)?"


def parse_option(text: str) -> tuple[np.ndarray, float]:
    """An option as a value and the half-unit of its last written digit.

    Accepts "0.25", "−0.632", "x = 0", "(0.25, 1)", "[0. 1. 0. 1.]", "[0 0 1]" and
    "$9.5 \\times 10^{-7}$".
    """
    s = text.strip().strip("$").strip().replace("−", "-")
    s = re.sub(r"^x\s*=\s*", "", s)
    m = re.fullmatch(rf"({_NUMBER})\s*\\times\s*10\^\{{({_NUMBER})\}}", s)
    if m:
        mantissa, exponent = m.group(1), int(m.group(2))
        return np.array(float(mantissa) * 10.0**exponent), _half_unit(mantissa) * 10.0**exponent
    parts = re.split(r"[\s,]+", s.strip("()[]").strip())
    if not all(re.fullmatch(_NUMBER, p) for p in parts):
        raise ValueError(f"not a value option: {text!r}")
    value = np.array([float(p) for p in parts])
    return (value[0] if len(parts) == 1 and s[0] not in "([" else value), max(
        map(_half_unit, parts)
    )


def _half_unit(number: str) -> float:
    decimals = len(number.split(".")[1]) if "." in number else 0
    return 0.5 * 10.0**-decimals


@dataclass(frozen=True)
class Choice:
    value: Callable[[], float | np.ndarray]
    tol: float | None = None  # None: as precise as the keyed option is written


def _sigmoid_grad_argmax() -> float:
    return _minimum(lambda x: -float(expit(x) * expit(-x)), -5.0, 5.0)[0]


def _relu_layer_dx() -> np.ndarray:
    x = np.array([-1.0, 2.0, 0.0, 3.0])
    return np.where(x > 0, 1.0, 0.0) * np.ones(4)  # ReLU' (x <= 0 branch at 0) times dout


EXACT = 1e-9

SINGLE_VALUES: dict[str, Choice] = {
    # the grid maximum, not just sigma'(0): the question asks for the maximum
    "rs-sigmoid-grad-max": Choice(
        lambda: float(np.max(act.sigmoid_grad(np.linspace(-8, 8, 16001)))), EXACT
    ),
    "rs-sigmoid-grad-argmax": Choice(_sigmoid_grad_argmax, 1e-4),
    "rs-sigmoid-grad-value-3": Choice(lambda: float(expit(3) * expit(-3))),
    "rs-tanh-vs-sigmoid-grad": Choice(
        lambda: np.array([f(act.sigmoid_grad(0)), 1 / math.cosh(0) ** 2]), EXACT
    ),
    "sm-value-123": Choice(lambda: sm([1, 2, 3])[2]),
    "sm-two-class-value": Choice(lambda: sm([3, 1])[0]),
    "sm-temperature-value": Choice(lambda: float(np.max(sm([1 / 0.5, 2 / 0.5, 3 / 0.5])))),
    "vg-sigmoid-10-layers": Choice(
        lambda: float(np.max(act.sigmoid_grad(np.linspace(-8, 8, 16001)))) ** 10
    ),
    "vg-sigmoid-grad-saturated": Choice(lambda: float(expit(5) * expit(-5))),
    "vg-leaky-grad-value": Choice(lambda: f(act.leaky_relu_grad(-5.0, alpha=0.01)), EXACT),
    "vg-elu-neg-grad": Choice(lambda: math.exp(-1)),  # alpha * e^x at x = -1
    "fm-tanh-grad-0": Choice(lambda: 1 / math.cosh(0.0) ** 2, EXACT),
    "fm-identity-grad": Choice(lambda: f(act.identity_grad(-3.0)), EXACT),
    "fm-elu-value-alpha2": Choice(lambda: 2 * math.expm1(-1)),
    "fm-gelu-min": Choice(lambda: _minimum(lambda x: x * float(ndtr(x)), -3.0, 0.0)[1]),
    "fm-silu-grad-0": Choice(lambda: f(act.swish_grad(0.0)), EXACT),
    "fm-mish-grad-0": Choice(lambda: math.tanh(math.log(2)), EXACT),  # tanh(softplus(0))
    "fm-selu-range": Choice(lambda: -SELU_LAMBDA * SELU_ALPHA),
    "fm-selu-grad-positive": Choice(lambda: SELU_LAMBDA),
    "im-relu-backward-output": Choice(_relu_layer_dx, EXACT),
    "im-step-output": Choice(lambda: (np.array([-1.0, 0.0, 2.0]) > 0).astype(float), EXACT),
}


def _matches(option: str, value: float | np.ndarray, tol: float) -> bool:
    parsed, _ = parse_option(option)
    value = np.asarray(value, dtype=float)
    return parsed.shape == value.shape and bool(np.all(np.abs(parsed - value) <= tol))


@pytest.mark.parametrize("qid", sorted(SINGLE_VALUES))
def test_single_choice_value(qid):
    q, check = BANK[qid], SINGLE_VALUES[qid]
    assert q["type"] == "single"
    value = check.value()
    tol = check.tol if check.tol is not None else parse_option(q["answer"])[1] + 1e-12
    assert _matches(q["answer"], value, tol), f"{qid}: key {q['answer']!r} but computed {value}"
    others = [o for o in q["options"] if o != q["answer"] and _matches(o, value, tol)]
    assert not others, f"{qid}: {others} also match {value}"


def test_the_option_parser_reads_what_the_banks_write():
    assert parse_option("−0.632")[0] == pytest.approx(-0.632)
    assert parse_option("x = -1")[0] == -1.0
    assert parse_option(r"$9.5 \times 10^{-7}$") == (pytest.approx(9.5e-7), pytest.approx(5e-9))
    assert list(parse_option("[0. 1. 0. 1.]")[0]) == [0, 1, 0, 1]
    assert list(parse_option("(0.25, 1)")[0]) == [0.25, 1]
    assert parse_option("0.0066")[1] == pytest.approx(5e-5)
    with pytest.raises(ValueError):
        parse_option("シグモイド: (0, 1)")


# ---------------------------------------------------------- NumPy fill-in questions

BLANK = re.compile(r"（[ア-ン]）")


def code_block(q: dict[str, Any]) -> str:
    m = re.search(r"```python\n(.*?)```", q["text"], re.S)
    assert m, f"{q['id']}: no python block"
    return textwrap.dedent(m.group(1))


def fill(q: dict[str, Any], option: str) -> str:
    """The question's code with ``option`` in its blank."""
    return BLANK.sub(lambda _: option.strip("`"), code_block(q), count=1)


def run(source: str, **names: Any) -> dict[str, Any]:
    namespace: dict[str, Any] = {"np": np, "erf": erf, **names}
    exec(compile(source, "<bank>", "exec"), namespace)  # the bank's own code, on purpose
    return namespace


def quietly(thunk: Callable[[], Any]) -> Any:
    """Run a candidate: any exception, inf or nan counts as a wrong answer (None)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return thunk()
        except Exception:
            return None


def same(got: Any, want: np.ndarray) -> bool:
    if got is None:
        return False
    got = np.asarray(got, dtype=float)
    return (
        got.shape == want.shape
        and bool(np.all(np.isfinite(got)))
        and np.allclose(got, want, rtol=1e-9, atol=1e-12)
    )


RNG = np.random.default_rng(20261127)
X = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 2.0, 5.0])
DOUT = RNG.normal(size=X.shape)
# a spread of inputs where any shift other than the max overflows
SOFTMAX_INPUTS = [
    np.array(v)
    for v in (
        [1.0, 2.0, 3.0],
        [1010.0, 1000.0, 990.0],
        [1000.0, -1000.0, -1000.0],
        [-5.0, 0.5, 2.0],
    )
]


def softmax_ok(ns: dict[str, Any]) -> bool:
    return all(
        same(quietly(lambda a=a: ns["softmax"](a.copy())), act.softmax(a)) for a in SOFTMAX_INPUTS
    )


def softmax_rows_ok(ns: dict[str, Any]) -> bool:
    return all(
        same(quietly(lambda x=x: ns["softmax"](x.copy())), act.softmax(x, axis=1))
        for x in (RNG.normal(size=(2, 3)), RNG.normal(size=(3, 3)) * 3)
    )


def log_softmax_ok(ns: dict[str, Any]) -> bool:
    inputs = [*SOFTMAX_INPUTS, np.array([0.0, 1000.0])]
    return all(
        same(quietly(lambda a=a: ns["log_softmax"](a.copy())), act.log_softmax(a)) for a in inputs
    )


def layer_ok(cls_name: str, fn: Callable, grad: Callable) -> Callable[[dict[str, Any]], bool]:
    def check(ns: dict[str, Any]) -> bool:
        def forward_backward():
            layer = ns[cls_name]()
            return layer.forward(X.copy()), layer.backward(DOUT.copy())

        got = quietly(forward_backward)
        return got is not None and same(got[0], fn(X)) and same(got[1], grad(X) * DOUT)

    return check


RELU_FORWARD = """\
class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

"""


def relu_backward_source(q: dict[str, Any], option: str) -> str:
    """The question shows only backward; the class around it is the exam's Relu."""
    return RELU_FORWARD + textwrap.indent(fill(q, option), "    ")


def softmax_with_loss_ok(q: dict[str, Any], option: str) -> bool:
    """dx against a central difference of the batch-mean cross-entropy of softmax."""
    logits = RNG.normal(size=(3, 4))
    t = np.eye(4)[[0, 3, 1]]

    def loss(z):
        return -np.sum(t * act.log_softmax(z, axis=1)) / len(z)

    eps, numeric = 1e-6, np.zeros_like(logits)
    for idx in np.ndindex(logits.shape):
        step = np.zeros_like(logits)
        step[idx] = eps
        numeric[idx] = (loss(logits + step) - loss(logits - step)) / (2 * eps)
    body = "class Layer:\n    pass\n\n" + fill(q, option)
    ns = quietly(lambda: run(body))
    if ns is None:
        return False
    layer = ns["Layer"]()
    layer.y, layer.t = act.softmax(logits, axis=1), t
    got = quietly(lambda: ns["backward"](layer))
    return got is not None and np.allclose(got, numeric, atol=1e-7)


def expression_ok(reference: Callable[..., np.ndarray], x: np.ndarray, **params: Any):
    def check(option: str) -> bool:
        expr = option.strip("`")
        got = quietly(lambda: eval(expr, {"np": np, "erf": erf}, {"x": x.copy(), **params}))
        return same(got, reference(x, **params))

    return check


def template_ok(ns_check: Callable[[dict[str, Any]], bool]):
    def check(q: dict[str, Any], option: str) -> bool:
        ns = quietly(lambda: run(fill(q, option)))
        return ns is not None and ns_check(ns)

    return check


X_WIDE = np.array([-5.0, -1.0, 0.0, 0.7, 3.0, 1000.0])

# id -> check(question, option) -> does this option make the code right?
FILL_IN: dict[str, Callable[[dict[str, Any], str], bool]] = {
    "im-softmax-max": template_ok(softmax_ok),
    "im-softmax-exp-line": template_ok(softmax_ok),
    "im-softmax-batch": template_ok(softmax_rows_ok),
    "im-log-softmax-code": template_ok(log_softmax_ok),
    "im-relu-forward-mask": template_ok(layer_ok("Relu", act.relu, act.relu_grad)),
    "im-relu-backward": lambda q, o: bool(
        quietly(lambda: layer_ok("Relu", act.relu, act.relu_grad)(run(relu_backward_source(q, o))))
    ),
    "im-sigmoid-backward": template_ok(layer_ok("Sigmoid", act.sigmoid, act.sigmoid_grad)),
    "im-tanh-backward": template_ok(layer_ok("Tanh", act.tanh, act.tanh_grad)),
    "im-softmax-with-loss-backward": softmax_with_loss_ok,
    "im-leaky-code": lambda q, o: expression_ok(act.leaky_relu, X, alpha=0.1)(o),
    "im-elu-code": lambda q, o: expression_ok(act.elu, X, alpha=1.5)(o),
    "im-gelu-code": lambda q, o: expression_ok(act.gelu, X)(o),
    "im-softplus-stable": lambda q, o: expression_ok(act.softplus, X_WIDE)(o),
}


@pytest.mark.parametrize("qid", sorted(FILL_IN))
def test_fill_in_only_the_key_is_right(qid):
    q, check = BANK[qid], FILL_IN[qid]
    assert check(q, q["answer"]), f"{qid}: the keyed option {q['answer']!r} does not work"
    wrong_but_working = [o for o in q["options"] if o != q["answer"] and check(q, o)]
    assert not wrong_but_working, f"{qid}: {wrong_but_working} also work"


def test_step_function_code_gives_the_keyed_output():
    q = BANK["im-step-output"]
    ns = run(code_block(q))
    got = ns["step_function"](np.array([-1.0, 0.0, 2.0]))
    assert _matches(q["answer"], got, EXACT)


def test_overflow_question_keys_exactly_the_overflowing_expressions():
    q = BANK["im-overflow-expressions"]
    overflowing = set()
    for option in q["options"]:
        got = quietly(lambda o=option: eval(o.strip("`"), {"np": np}, {"x": 1000.0}))
        assert got is not None, option
        if not np.isfinite(got):
            overflowing.add(option)
    assert overflowing == set(q["answer"])


def test_fill_in_questions_with_code_are_all_checked():
    """Every implementation question that shows code with a blank is run by a check above."""
    blanks = {
        qid for qid, q in BANK.items() if q["theme"] == "implementation" and BLANK.search(q["text"])
    }
    assert blanks - FILL_IN.keys() == set()


# ------------------------------------------------------------ output ranges

GRID = np.unique(np.concatenate([np.linspace(-50, 50, 20001), np.linspace(-1e6, 1e6, 2001)]))


def _log_softmax_first(x: np.ndarray) -> np.ndarray:
    """log_softmax of (x, 0, 0) for each x: one component sweeps, the others stay put."""
    return np.array([act.log_softmax(np.array([v, 0.0, 0.0]))[0] for v in x])


# id -> (the function on GRID, the value of alpha in the options)
RANGES: dict[str, tuple[Callable[[np.ndarray], np.ndarray], float | None]] = {
    "fm-tanh-range": (np.tanh, None),
    "fm-softplus-range": (lambda x: np.logaddexp(0.0, x), None),
    "fm-leaky-range": (lambda x: act.leaky_relu(x, alpha=0.01), 0.01),
    "fm-elu-range": (lambda x: np.where(x > 0, x, 2.0 * np.expm1(np.minimum(x, 0.0))), 2.0),
    "lsm-range": (_log_softmax_first, None),
}


def parse_interval(option: str, alpha: float | None) -> tuple[float, float]:
    s = option.replace("−", "-").replace("∞", "inf")
    if alpha is not None:
        s = s.replace("α", repr(alpha))
    m = re.fullmatch(r"[(\[]\s*(\S+?)\s*,\s*(\S+?)\s*[)\]]", s)
    assert m, f"not an interval: {option!r}"
    return float(m.group(1)), float(m.group(2))


def observed_range(fn: Callable[[np.ndarray], np.ndarray]) -> tuple[float, float]:
    """(inf, sup) of fn over GRID; anything beyond ±1e3 on it is taken as unbounded."""
    with np.errstate(all="ignore"):
        values = np.asarray(fn(GRID), dtype=float)
    lo, hi = float(values.min()), float(values.max())
    return (-math.inf if lo < -1e3 else lo), (math.inf if hi > 1e3 else hi)


def _same_bound(a: float, b: float) -> bool:
    return a == b if math.isinf(a) or math.isinf(b) else abs(a - b) <= 1e-6


@pytest.mark.parametrize("qid", sorted(RANGES))
def test_output_range(qid):
    q, (fn, alpha) = BANK[qid], RANGES[qid]
    lo, hi = observed_range(fn)

    def matches(option: str) -> bool:
        a, b = parse_interval(option, alpha)
        return _same_bound(a, lo) and _same_bound(b, hi)

    assert matches(q["answer"]), f"{qid}: key {q['answer']} but observed ({lo}, {hi})"
    assert not [o for o in q["options"] if o != q["answer"] and matches(o)]


# ------------------------------------------- multiple choice and true/false on values


def test_relu_grad_one_inputs():
    q = BANK["rs-relu-grad-one-inputs"]
    ones = {o for o in q["options"] if f(act.relu_grad(float(parse_option(o)[0]))) == 1.0}
    assert ones == set(q["answer"])
    assert f(act.relu_grad(0.0)) == 0.0  # the convention the question states


def _softmax_jacobian_rows_sum_to_zero() -> bool:
    rng = np.random.default_rng(4)
    return all(
        np.allclose(act.softmax_jacobian(rng.normal(size=5) * 3).sum(axis=1), 0, atol=1e-15)
        for _ in range(20)
    )


def _elu_grad_continuous_for_every_alpha() -> bool:
    # left derivative at 0 is alpha * e^0, right derivative 1
    return all(math.isclose(alpha * math.exp(0.0), 1.0) for alpha in (0.5, 1.0, 2.0))


TRUE_FALSE: dict[str, Callable[[], bool]] = {
    "sm-jacobian-row-sum": _softmax_jacobian_rows_sum_to_zero,
    "sm-scale-not-invariant": lambda: bool(np.allclose(sm([2, 4, 6]), sm([1, 2, 3]))),
    "fm-elu-smooth-alpha1": _elu_grad_continuous_for_every_alpha,
    "fm-gelu-not-monotone": lambda: bool(np.all(np.diff(act.gelu(np.linspace(-6, 6, 2001))) >= 0)),
    "rs-relu-grad-at-zero": lambda: f(act.relu_grad(0.0)) == 0.0,
    "us-xor-perceptron": lambda: _step_unit_computes([0, 1, 1, 0]),
}


def _step_unit_computes(truth_table: list[int]) -> bool:
    """Does some step-function unit step(w1 x1 + w2 x2 + b), on a fine grid of weights,
    give ``truth_table`` on the inputs (0,0), (0,1), (1,0), (1,1)?"""
    points = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    w = np.linspace(-3, 3, 61)
    w1, w2, b = np.meshgrid(w, w, w, indexing="ij")
    out = (w1[..., None] * points[:, 0] + w2[..., None] * points[:, 1] + b[..., None]) > 0
    return bool(np.any(np.all(out == np.array(truth_table, dtype=bool), axis=-1)))


def test_the_perceptron_search_finds_what_a_perceptron_can_do():
    assert _step_unit_computes([0, 1, 1, 1])  # OR
    assert _step_unit_computes([0, 0, 0, 1])  # AND


@pytest.mark.parametrize("qid", sorted(TRUE_FALSE))
def test_true_false_value(qid):
    assert BANK[qid]["type"] == "truefalse"
    assert BANK[qid]["answer"] is TRUE_FALSE[qid]()
