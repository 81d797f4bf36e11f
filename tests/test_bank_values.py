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

import inspect
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
from activations import exam_style
from gradflow.mlp import init_std
from quiz.themes import UNIT_THEMES

from . import bank_refs_backprop as bp

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
        lambda: sm([0] * 8)[0], (1.0, 0.0, 0.5, 0.25)
    ),  # e^0 itself, zero, the two-class and the four-class values
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
    "vg-he-std-512": Numeric(
        lambda: init_std("he", 512, 512), (math.sqrt(1 / 512), 2 / 512, 0.01)
    ),  # Xavier, the variance, a fixed 0.01
    "vg-chain-rule-sigmoid-net": Numeric(
        lambda: f(bp.numeric_grad(lambda w: bp.sigmoid_net_loss(2.0, float(w), 3.0, 1.0), 0.5)),
        # no x, no sigma', no w2, dL/dw2
        (
            f(bp.numeric_grad(lambda w: bp.sigmoid_net_loss(2.0, float(w), 3.0, 1.0), 0.5)) / 2,
            1.1931757 * 3.0 * 2.0,
            1.1931757 * f(act.sigmoid_grad(1.0)) * 2.0,
            f(bp.numeric_grad(lambda w: bp.sigmoid_net_loss(2.0, 0.5, float(w), 1.0), 3.0)),
        ),
    ),
    "vg-lstm-forget-product": Numeric(lambda: 0.95**50, (0.95**5, 0.95 * 50, 1 - 50 * 0.05)),
    "vg-clip-by-norm": Numeric(
        lambda: bp.clip_by_norm([6.0, -8.0], 2.0)[1], (-2.0, 1.6, 1.2)
    ),  # clip by value, sign slip, the first component
    "sm-backward-jvp-value": Numeric(
        lambda: bp.softmax_vjp([1.0, 2.0, 3.0], [1.0, 3.0, 0.0])[2],
        # the diagonal alone (g_3 = 0), sign slip, the second component
        (
            0.0,
            -bp.softmax_vjp([1.0, 2.0, 3.0], [1.0, 3.0, 0.0])[2],
            bp.softmax_vjp([1.0, 2.0, 3.0], [1.0, 3.0, 0.0])[1],
        ),
    ),
    "sm-ce-value": Numeric(
        lambda: bp.cross_entropy([0.1, 0.7, 0.2], 1),
        (-math.log10(0.7), 1 - 0.7, sum(bp.cross_entropy([0.1, 0.7, 0.2], k) for k in range(3))),
    ),
    "sm-ce-batch-mean": Numeric(
        lambda: (bp.cross_entropy([0.8], 0) + bp.cross_entropy([0.5], 0)) / 2,
        # the sum, -log of the mean probability, common logs
        (-math.log(0.8) - math.log(0.5), -math.log(0.65), -(math.log10(0.8) + math.log10(0.5)) / 2),
    ),
    "sm-ce-from-logits": Numeric(
        lambda: bp.cross_entropy_from_logits([3.0, 1.0, 0.5], 1),
        (
            bp.cross_entropy_from_logits([3.0, 1.0, 0.5], 0),
            -bp.cross_entropy_from_logits([3.0, 1.0, 0.5], 1),
            math.log(math.exp(3) + math.exp(1) + math.exp(0.5)),
        ),
    ),
    "sm-ce-grad-value": Numeric(
        lambda: bp.numeric_grad(
            lambda a: bp.cross_entropy(bp.softmax_mp(a), 1), np.log([0.2, 0.7, 0.1])
        )[1],
        (0.3, 0.7, -math.log(0.7)),
    ),  # logits log(y) give softmax y
    # PReLU's slope α gets ∂L/∂h · ∂h/∂α = 3 · x at x = −2; wrong: ∂L/∂x, no upstream, sign, h
    "fm-prelu-grad-alpha": Numeric(
        lambda: 3.0 * -2.0,
        (3.0 * 0.25, -2.0, 6.0, 0.25 * -2.0),
    ),
    # ReLU6(x + 3)/6 at 1.5; wrong: σ(1.5), old Keras' 0.2x + 0.5, the slope 1/6
    "fm-hard-sigmoid-value": Numeric(
        lambda: min(max(0.0, 1.5 + 3.0), 6.0) / 6.0, (float(expit(1.5)), 0.2 * 1.5 + 0.5, 1 / 6)
    ),
    # min of x·ReLU6(x + 3)/6; wrong: SiLU's minimum, the value at x = −1, at x = −3
    "fm-hard-swish-min": Numeric(
        lambda: _minimum(lambda x: x * min(max(0.0, x + 3.0), 6.0) / 6.0, -3.0, 0.0)[1],
        (_minimum(lambda x: x * float(expit(x)), -3.0, 0.0)[1], -1 * 2 / 6, -0.5),
    ),
    "rs-bce-grad-value": Numeric(
        lambda: f(bp.numeric_grad(lambda a: bp.bce_with_logits(float(a), 1.0), -1.0)),
        # sign slip, sigma'(-1), the squared-error gradient
        (0.7311, f(act.sigmoid_grad(-1.0)), (f(act.sigmoid(-1.0)) - 1) * f(act.sigmoid_grad(-1.0))),
    ),
}


def test_every_numeric_question_is_checked():
    # the unit's themes (issues 17, 18) are checked in tests/test_bank_<theme>.py
    numeric = {qid for qid, q in BANK.items()
               if q["type"] == "numeric" and q["theme"] not in UNIT_THEMES}
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
    "sm-value-123": Choice(lambda: sm([1, 2, 4])[2]),
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
    "fm-selu-grad-positive": Choice(lambda: SELU_LAMBDA),
    "im-relu-backward-output": Choice(_relu_layer_dx, EXACT),
    "im-step-output": Choice(lambda: (np.array([-1.0, 0.0, 2.0]) > 0).astype(float), EXACT),
    # n_in = n_out = 50: Glorot's sqrt(2/(n_in + n_out)) is the 1/sqrt(n) the question states
    "vg-init-std-pair-50": Choice(
        lambda: np.array([init_std("xavier", 50, 50), init_std("he", 50, 50)])
    ),
    "vg-rnn-power-20": Choice(lambda: math.prod([1.5 * (1 / math.cosh(0.0) ** 2)] * 20)),
    "fm-prelu-value": Choice(lambda: f(act.prelu(-3.0, alpha=0.25)), EXACT),
    "fm-relu6-values": Choice(lambda: np.clip(np.array([-2.0, 3.0, 8.0]), 0.0, 6.0), EXACT),
    # the slope of (x + 3)/6 on (−3, 3), by a central difference of the closed form
    "rs-hard-sigmoid-grad-0": Choice(
        lambda: (min(max(0.0, 1e-6 + 3), 6) - min(max(0.0, -1e-6 + 3), 6)) / 6 / 2e-6
    ),
    "rs-relu-net-weight-grad": Choice(
        lambda: bp.relu_net_weight_grad([1.0, 2.0], [[1.0, -1.0], [0.5, 0.5]], [2.0, -1.0])[0],
        1e-6,
    ),
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


# The exam's Relu layer (activations/exam_style.py) without its backward, which the question fills in.
RELU_FORWARD = inspect.getsource(exam_style.Relu).split("    def backward")[0]


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
    "im-softmax-shift": template_ok(softmax_ok),
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
    "rs-bce-logits-stable": lambda q, o: _bce_expression_ok(o),
}


def _bce_expression_ok(option: str) -> bool:
    """The option, evaluated on logits from -1000 to 1000 with both labels, is the loss."""
    a = np.array([-1000.0, -40.0, -1.0, 0.0, 0.5, 40.0, 1000.0])
    for t in (0.0, 1.0):
        got = quietly(lambda t=t: eval(option.strip("`"), {"np": np}, {"a": a.copy(), "t": t}))
        want = np.array([bp.bce_with_logits(v, t) for v in a])
        if got is None or not same_within(np.asarray(got, dtype=float), want, 1e-9):
            return False
    return True


def test_naive_bce_rounds_sigmoid_to_one():
    """rs-bce-naive-inf: at a = 40, sigma rounds to 1.0, exp(-40) is an ordinary number."""
    with np.errstate(divide="ignore"):
        y = 1 / (1 + np.exp(-40.0))
        assert y == 1.0 and np.isinf(-np.log(1 - y))
    assert 0 < np.exp(-40.0) < 1e-17
    assert bp.bce_with_logits(40.0, 0.0) == pytest.approx(40.0)
    assert BANK["rs-bce-naive-inf"]["answer"].startswith("`y` が float64 で 1.0")


def assert_only_the_key_works(q: dict[str, Any], check: Callable[[dict[str, Any], Any], bool]):
    """The keyed option makes the code right and no other option does."""
    assert check(q, q["answer"]), f"{q['id']}: the keyed option {q['answer']!r} does not work"
    wrong_but_working = [o for o in q["options"] if o != q["answer"] and check(q, o)]
    assert not wrong_but_working, f"{q['id']}: {wrong_but_working} also work"


@pytest.mark.parametrize("qid", sorted(FILL_IN))
def test_fill_in_only_the_key_is_right(qid):
    assert_only_the_key_works(BANK[qid], FILL_IN[qid])


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
    blanks = {  # type: blanks questions are run in test_bank_blanks.py
        qid
        for qid, q in BANK.items()
        if q["theme"] == "implementation" and q["type"] == "single" and BLANK.search(q["text"])
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


def _softmax_jacobian_rows_sum_to(total: float) -> bool:
    rng = np.random.default_rng(4)
    return all(
        np.allclose(act.softmax_jacobian(rng.normal(size=5) * 3).sum(axis=1), total, atol=1e-15)
        for _ in range(20)
    )


def test_softmax_jacobian_rows_sum_to_zero():
    """What the explanation of sm-jacobian-row-sum teaches instead."""
    assert _softmax_jacobian_rows_sum_to(0.0)


def _relu_backward(x: np.ndarray, grad_at_zero: float) -> np.ndarray:
    return np.where(x > 0, 1.0, np.where(x == 0, grad_at_zero, 0.0)).astype(x.dtype)


def _relu_grad_at_zero_never_matters_in_float32() -> bool:
    x = np.float32(0.1) + np.float32(0.2) - np.float32(0.3)  # a pre-activation, rounded
    xs = np.array([x], dtype=np.float32)
    return bool(np.array_equal(_relu_backward(xs, 0.0), _relu_backward(xs, 1.0)))


def test_the_same_sum_is_not_zero_in_float64():
    """float64 keeps 0.1 + 0.2 - 0.3 away from 0: the effect is one of the precision."""
    assert 0.1 + 0.2 - 0.3 != 0.0


def _elu_grad_continuous_for_every_alpha() -> bool:
    # left derivative at 0 is alpha * e^0, right derivative 1
    return all(math.isclose(alpha * math.exp(0.0), 1.0) for alpha in (0.5, 1.0, 2.0))


def _hard_swish(x: float) -> float:
    return x * min(max(0.0, x + 3.0), 6.0) / 6.0


TRUE_FALSE: dict[str, Callable[[], bool]] = {
    # ReLU6' = 1 for every x > 0? (by differences of min(max(0, x), 6), never the library)
    "rs-relu6-grad-false": lambda: all(
        abs((min(max(0.0, x + 1e-6), 6.0) - min(max(0.0, x - 1e-6), 6.0)) / 2e-6 - 1) < 1e-6
        for x in np.linspace(0.01, 20.0, 2000)),
    # one-sided slopes of the hard swish at x = 3 agree?
    "fm-hard-swish-grad-jump": lambda: abs(
        (_hard_swish(3.0) - _hard_swish(3.0 - 1e-7)) / 1e-7
        - (_hard_swish(3.0 + 1e-7) - _hard_swish(3.0)) / 1e-7) < 1e-4,
    # the statement: every row sums to 1 (they sum to 0)
    "sm-jacobian-row-sum": lambda: _softmax_jacobian_rows_sum_to(1.0),
    "sm-scale-by-two": lambda: bool(np.allclose(sm([2, 4, 6]), sm([1, 2, 3]))),
    "fm-elu-grad-continuity": _elu_grad_continuous_for_every_alpha,
    "fm-gelu-monotonicity": lambda: bool(np.all(np.diff(act.gelu(np.linspace(-6, 6, 2001))) >= 0)),
    # the statement: an input of exactly 0 does not happen in floating point, so the choice
    # of h'(0) never changes a gradient; in float32, 0.1 + 0.2 - 0.3 is exactly 0
    "rs-relu-grad-at-zero": _relu_grad_at_zero_never_matters_in_float32,
    "us-xor-perceptron": lambda: _step_unit_computes([0, 1, 1, 0]),
    "sm-backward-component-sum": lambda: all(
        abs(float(np.sum(bp.softmax_vjp(x, g)))) < 1e-8 for x, g in zip(ROWS, G_ROWS, strict=True)
    ),
    # does clipping ever make a (small, vanishing) gradient larger?
    "us-clipping-vanishing": lambda: any(
        np.linalg.norm(bp.clip_by_norm(g, 1.0)) > np.linalg.norm(g) for g in (G_ROWS * 1e-3)
    ),
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


# --------------------------------------------------- formulas written as options
#
# Each option of a formula question is transcribed here as a NumPy function, keyed by the
# option's exact text (so an edited option breaks the test until it is re-transcribed).
# The keyed option must equal the reference on a whole sample, every other option must
# differ somewhere: one right answer, and it is right.

ALPHA, BETA, C = 0.1, 1.7, 0.7  # parameter values for the sample; any generic value works
ELU_A = 1.5
XS = np.linspace(-4.0, 4.0, 161)  # includes the kink at 0
X_NEG = np.linspace(-4.0, 0.0, 81)
ROWS = np.random.default_rng(7).normal(size=(6, 4)) * 2.0  # one input vector per row
PAIRS = np.random.default_rng(8).normal(size=(9, 2)) * 2.0
T_ROWS = np.eye(4)[[0, 3, 1, 2, 2, 0]]  # one-hot labels for ROWS
X_FAR = XS[np.abs(XS) >= 0.5]  # away from 0, where beta -> infinity has converged

sig = expit
phi = lambda x: np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)  # noqa: E731
sp = lambda x: np.logaddexp(0.0, x)  # noqa: E731
sech2 = lambda x: 1.0 / np.cosh(x) ** 2  # noqa: E731
relu_ = lambda x: np.maximum(0.0, x)  # noqa: E731
step_ = lambda x: (x > 0).astype(float)  # noqa: E731
pw = lambda x, pos, neg: np.where(x > 0, pos, neg)  # noqa: E731 # piecewise, x <= 0 at the kink


def _rows_softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _jacobians(x_rows, entry):
    """Stack of n×n matrices, entry(s, i, j, delta) for each row's softmax s."""
    out = []
    for s in _rows_softmax(x_rows):
        n = len(s)
        out.append([[entry(s, i, j, float(i == j)) for j in range(n)] for i in range(n)])
    return np.array(out, dtype=float)


def _off_diagonal(m):
    return m[:, ~np.eye(m.shape[1], dtype=bool)]


def _cross_entropy_grad(a_rows):
    """Central difference of -sum t log softmax(a), one row at a time."""

    def loss(a, t):
        return -np.sum(t * act.log_softmax(a))

    grads = np.zeros_like(a_rows)
    for r, (a, t) in enumerate(zip(a_rows, T_ROWS, strict=True)):
        for k in range(len(a)):
            e = np.zeros_like(a)
            e[k] = 1e-6
            grads[r, k] = (loss(a + e, t) - loss(a - e, t)) / 2e-6
    return grads


@dataclass(frozen=True)
class Formula:
    sample: np.ndarray
    reference: Callable[[np.ndarray], np.ndarray]
    options: dict[str, Callable[[np.ndarray], np.ndarray]]
    atol: float = 1e-12


G_ROWS = np.random.default_rng(9).normal(size=ROWS.shape)  # an upstream gradient per row
# (logit, label) pairs for binary cross-entropy, both labels
A_T = np.column_stack([np.linspace(-4.0, 4.0, 17), np.arange(17) % 2])


def _softmax_vjp_rows(x):
    return np.array([bp.softmax_vjp(row, g) for row, g in zip(x, G_ROWS, strict=True)])


def _bce_grad(pairs):
    def grad(a: float, t: float) -> float:
        return f(bp.numeric_grad(lambda z: bp.bce_with_logits(float(z), t), a))

    return np.array([grad(a, t) for a, t in pairs])


def _y_t(pairs):
    return sig(pairs[:, 0]), pairs[:, 1]


def _vjp_wrong_place(x):
    s = _rows_softmax(x)
    return G_ROWS - np.sum(G_ROWS * s, axis=1, keepdims=True) * s


FORMULAS: dict[str, Formula] = {
    "sm-backward-jvp": Formula(
        ROWS,
        _softmax_vjp_rows,
        {
            r"$\mathbf{g} \odot \mathbf{s} \odot (1 - \mathbf{s})$": lambda x: (
                G_ROWS * _rows_softmax(x) * (1 - _rows_softmax(x))
            ),
            r"$\mathbf{s} \odot (\mathbf{g} - \langle \mathbf{g}, \mathbf{s} \rangle)$": lambda x: (
                _rows_softmax(x)
                * (G_ROWS - np.sum(G_ROWS * _rows_softmax(x), axis=1, keepdims=True))
            ),
            r"$\mathbf{s} - \mathbf{g}$": lambda x: _rows_softmax(x) - G_ROWS,
            r"$\mathbf{g} - \langle \mathbf{g}, \mathbf{s} \rangle\,\mathbf{s}$": _vjp_wrong_place,
        },
        atol=1e-7,
    ),  # the reference is a finite difference
    "sm-backward-with-ce": Formula(
        ROWS,
        _cross_entropy_grad,
        {
            r"$\mathbf{y} - \mathbf{t}$": lambda a: _rows_softmax(a) - T_ROWS,
            r"$-\mathbf{t}$": lambda a: -T_ROWS,
            r"$\mathbf{y} \odot (1 - \mathbf{y})$": lambda a: (
                _rows_softmax(a) * (1 - _rows_softmax(a))
            ),
            r"$(\mathbf{y} - \mathbf{t}) \odot \mathbf{y}$": lambda a: (
                (_rows_softmax(a) - T_ROWS) * _rows_softmax(a)
            ),
        },
        atol=1e-6,
    ),
    "rs-bce-grad": Formula(
        A_T,
        _bce_grad,
        {
            r"$(y - t)\,y\,(1 - y)$": lambda p: (
                (_y_t(p)[0] - _y_t(p)[1]) * _y_t(p)[0] * (1 - _y_t(p)[0])
            ),
            r"$y\,(1 - y)$": lambda p: _y_t(p)[0] * (1 - _y_t(p)[0]),
            r"$y - t$": lambda p: _y_t(p)[0] - _y_t(p)[1],
            r"$\dfrac{y - t}{y\,(1 - y)}$": lambda p: (
                (_y_t(p)[0] - _y_t(p)[1]) / (_y_t(p)[0] * (1 - _y_t(p)[0]))
            ),
        },
        atol=1e-7,
    ),
    "rs-sigmoid-formula": Formula(
        XS,
        act.sigmoid,
        {
            r"$\dfrac{1}{1 + e^{x}}$": lambda x: 1 / (1 + np.exp(x)),
            r"$\dfrac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$": lambda x: (
                (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
            ),
            r"$\dfrac{1}{1 + e^{-x}}$": lambda x: 1 / (1 + np.exp(-x)),
            r"$\max(0, x)$": relu_,
        },
    ),
    "rs-sigmoid-grad-formula": Formula(
        XS,
        act.sigmoid_grad,
        {
            r"$1 - \sigma(x)^2$": lambda x: 1 - sig(x) ** 2,
            r"$\sigma(x)\,(1 - \sigma(x))$": lambda x: sig(x) * (1 - sig(x)),
            r"$\sigma(x)^2$": lambda x: sig(x) ** 2,
            r"$1 - \sigma(x)$": lambda x: 1 - sig(x),
        },
    ),
    "rs-relu-formula": Formula(
        XS,
        act.relu,
        {
            r"$\min(0, x)$": lambda x: np.minimum(0.0, x),
            r"$\max(0.01x, x)$": lambda x: np.maximum(0.01 * x, x),
            r"$|x|$": np.abs,
            r"$\max(0, x)$": relu_,
        },
    ),
    "rs-relu-grad-formula": Formula(
        XS,
        act.relu_grad,
        {
            "$h'(x) = 1$（すべての $x$）": np.ones_like,
            r"$h'(x) = \begin{cases} 1 & (x > 0) \\ 0 & (x \le 0) \end{cases}$": lambda x: pw(
                x, 1.0, 0.0
            ),
            r"$h'(x) = \begin{cases} x & (x > 0) \\ 0 & (x \le 0) \end{cases}$": lambda x: pw(
                x, x, 0.0
            ),
            r"$h'(x) = \sigma(x)$": sig,
        },
    ),
    "rs-sigmoid-symmetry": Formula(
        XS,
        lambda x: act.sigmoid(-x),
        {
            r"$-\sigma(x)$": lambda x: -sig(x),
            r"$1 - \sigma(x)$": lambda x: 1 - sig(x),
            r"$\sigma(x)$": sig,
            r"$1 / \sigma(x)$": lambda x: 1 / sig(x),
        },
    ),
    "fm-tanh-grad": Formula(
        XS,
        act.tanh_grad,
        {
            r"$h(x)\,(1 - h(x))$": lambda x: np.tanh(x) * (1 - np.tanh(x)),
            r"$1 - h(x)$": lambda x: 1 - np.tanh(x),
            r"$1 + h(x)^2$": lambda x: 1 + np.tanh(x) ** 2,
            r"$1 - h(x)^2$": lambda x: 1 - np.tanh(x) ** 2,
        },
        atol=1e-9,
    ),
    "fm-tanh-sigmoid-relation": Formula(
        XS,
        act.tanh,
        {
            r"$2\sigma(x) - 1$": lambda x: 2 * sig(x) - 1,
            r"$2\sigma(2x) - 1$": lambda x: 2 * sig(2 * x) - 1,
            r"$\sigma(2x) - 1$": lambda x: sig(2 * x) - 1,
            r"$2\sigma(x/2) - 1$": lambda x: 2 * sig(x / 2) - 1,
        },
        atol=1e-9,
    ),
    "fm-tanh-formula": Formula(
        XS,
        act.tanh,
        {
            r"$\dfrac{e^{x} + e^{-x}}{2}$": np.cosh,
            r"$\dfrac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$": lambda x: (
                (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
            ),
            r"$\dfrac{e^{x} - e^{-x}}{2}$": np.sinh,
            r"$\dfrac{1}{1 + e^{-2x}}$": lambda x: 1 / (1 + np.exp(-2 * x)),
        },
        atol=1e-9,
    ),
    "fm-leaky-grad": Formula(
        XS,
        lambda x: act.leaky_relu_grad(x, alpha=ALPHA),
        {
            r"$h'(x) = \begin{cases} 1 & (x > 0) \\ 0 & (x \le 0) \end{cases}$": lambda x: pw(
                x, 1.0, 0.0
            ),
            r"$h'(x) = \begin{cases} \alpha & (x > 0) \\ 1 & (x \le 0) \end{cases}$": lambda x: pw(
                x, ALPHA, 1.0
            ),
            r"$h'(x) = \begin{cases} 1 & (x > 0) \\ \alpha & (x \le 0) \end{cases}$": lambda x: pw(
                x, 1.0, ALPHA
            ),
            r"$h'(x) = \begin{cases} x & (x > 0) \\ \alpha x & (x \le 0) \end{cases}$": lambda x: (
                pw(x, x, ALPHA * x)
            ),
        },
    ),
    "fm-leaky-formula": Formula(
        XS,
        lambda x: act.leaky_relu(x, alpha=ALPHA),
        {
            r"$\max(0, x)$": relu_,
            r"$\min(\alpha x, x)$": lambda x: np.minimum(ALPHA * x, x),
            r"$\max(\alpha x, x)$": lambda x: np.maximum(ALPHA * x, x),
            r"$\alpha \max(0, x)$": lambda x: ALPHA * relu_(x),
        },
    ),
    "fm-elu-formula": Formula(
        X_NEG,
        lambda x: act.elu(x, alpha=ELU_A),
        {
            r"$\alpha x$": lambda x: ELU_A * x,
            r"$\alpha(e^{x} - 1)$": lambda x: ELU_A * (np.exp(x) - 1),
            r"$\alpha e^{x}$": lambda x: ELU_A * np.exp(x),
            r"$\log(1 + e^{x})$": sp,
        },
        atol=1e-9,
    ),
    "fm-elu-grad-relation": Formula(
        X_NEG,
        lambda x: act.elu_grad(x, alpha=ELU_A),
        {
            r"$h(x) + \alpha$": lambda x: act.elu(x, alpha=ELU_A) + ELU_A,
            r"$h(x) - \alpha$": lambda x: act.elu(x, alpha=ELU_A) - ELU_A,
            r"$\alpha\,h(x)$": lambda x: ELU_A * act.elu(x, alpha=ELU_A),
            r"$h(x)\,(1 - h(x))$": lambda x: (
                act.elu(x, alpha=ELU_A) * (1 - act.elu(x, alpha=ELU_A))
            ),
        },
        atol=1e-9,
    ),
    "fm-gelu-formula": Formula(
        XS,
        act.gelu,
        {
            r"$x\,\varphi(x)$": lambda x: x * phi(x),
            r"$\Phi(x)$": ndtr,
            r"$x\,\sigma(x)$": lambda x: x * sig(x),
            r"$x\,\Phi(x)$": lambda x: x * ndtr(x),
        },
    ),
    "fm-gelu-grad": Formula(
        XS,
        act.gelu_grad,
        {
            r"$\Phi(x) + x\,\varphi(x)$": lambda x: ndtr(x) + x * phi(x),
            r"$\Phi(x)$": ndtr,
            r"$x\,\varphi(x)$": lambda x: x * phi(x),
            r"$\Phi(x)\,(1 - \Phi(x))$": lambda x: ndtr(x) * (1 - ndtr(x)),
        },
        atol=1e-9,
    ),
    "fm-gelu-tanh-approx": Formula(
        XS,
        lambda x: act.gelu(x, approximate=True),
        {
            r"$\frac{1}{2}x\left(1 + \tanh x\right)$": lambda x: 0.5 * x * (1 + np.tanh(x)),
            r"$x\left(1 + \tanh\left(\sqrt{2/\pi}\,(x + 0.044715x^{3})\right)\right)$": lambda x: (
                x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
            ),
            r"$\frac{1}{2}x\left(1 + \tanh\left(\sqrt{2/\pi}\,(x + 0.044715x^{3})\right)\right)$": lambda x: (
                0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
            ),
            r"$\frac{1}{2}\left(1 + \tanh\left(\sqrt{2/\pi}\,(x + 0.044715x^{3})\right)\right)$": lambda x: (
                0.5 * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
            ),
        },
        atol=1e-9,
    ),
    "fm-softplus-grad": Formula(
        XS,
        act.softplus_grad,
        {
            r"$\dfrac{1}{1 + e^{x}}$": lambda x: 1 / (1 + np.exp(x)),
            r"$e^{x}$": np.exp,
            r"$\dfrac{e^{x}}{1 + e^{x}}$": lambda x: np.exp(x) / (1 + np.exp(x)),
            r"$\log(1 + e^{-x})$": lambda x: np.log(1 + np.exp(-x)),
        },
        atol=1e-9,
    ),
    "fm-softplus-formula": Formula(
        XS,
        act.softplus,
        {
            r"$\log(1 + x)$": lambda x: np.log(1 + x),
            r"$\dfrac{e^{x}}{1 + e^{x}}$": lambda x: np.exp(x) / (1 + np.exp(x)),
            r"$e^{x} - 1$": lambda x: np.exp(x) - 1,
            r"$\log(1 + e^{x})$": lambda x: np.log(1 + np.exp(x)),
        },
        atol=1e-9,
    ),
    "fm-swish-formula": Formula(
        XS,
        lambda x: act.swish(x, beta=BETA),
        {
            r"$x\,\sigma(\beta x)$": lambda x: x * sig(BETA * x),
            r"$\sigma(\beta x)$": lambda x: sig(BETA * x),
            r"$x \tanh(\beta x)$": lambda x: x * np.tanh(BETA * x),
            r"$x\,\Phi(\beta x)$": lambda x: x * ndtr(BETA * x),
        },
        atol=1e-9,
    ),
    "fm-swish-grad": Formula(
        XS,
        lambda x: act.swish_grad(x, beta=BETA),
        {
            r"$\sigma(\beta x)\,(1 - \sigma(\beta x))$": lambda x: (
                sig(BETA * x) * (1 - sig(BETA * x))
            ),
            r"$\beta h(x) + \sigma(\beta x)\,(1 - \beta h(x))$": lambda x: (
                BETA * x * sig(BETA * x) + sig(BETA * x) * (1 - BETA * x * sig(BETA * x))
            ),
            r"$\beta\,\sigma(\beta x)$": lambda x: BETA * sig(BETA * x),
            r"$\sigma(\beta x) + \beta h(x)$": lambda x: sig(BETA * x) + BETA * x * sig(BETA * x),
        },
        atol=1e-9,
    ),
    "fm-mish-formula": Formula(
        XS,
        act.mish,
        {
            r"$x\,\sigma(x)$": lambda x: x * sig(x),
            r"$\tanh(\mathrm{softplus}(x))$": lambda x: np.tanh(np.logaddexp(0, x)),
            r"$x \tanh(x)$": lambda x: x * np.tanh(x),
            r"$x \tanh(\mathrm{softplus}(x))$": lambda x: x * np.tanh(np.logaddexp(0, x)),
        },
        atol=1e-9,
    ),
    "fm-selu-formula": Formula(
        XS,
        act.selu,
        {
            r"$\begin{cases} \lambda x & (x > 0) \\ \lambda\alpha(e^{x} - 1) & (x \le 0) \end{cases}$": lambda x: (
                pw(x, SELU_LAMBDA * x, SELU_LAMBDA * SELU_ALPHA * np.expm1(x))
            ),
            r"$\begin{cases} x & (x > 0) \\ \alpha(e^{x} - 1) & (x \le 0) \end{cases}$": lambda x: (
                pw(x, x, SELU_ALPHA * np.expm1(x))
            ),
            r"$\begin{cases} \lambda x & (x > 0) \\ \alpha x & (x \le 0) \end{cases}$": lambda x: (
                pw(x, SELU_LAMBDA * x, SELU_ALPHA * x)
            ),
            r"$\lambda\,x\,\sigma(\alpha x)$": lambda x: SELU_LAMBDA * x * sig(SELU_ALPHA * x),
        },
        atol=1e-9,
    ),
    "fm-selu-grad": Formula(
        XS,
        act.selu_grad,
        {
            r"$\begin{cases} 1 & (x > 0) \\ \alpha e^{x} & (x \le 0) \end{cases}$": lambda x: pw(
                x, 1.0, SELU_ALPHA * np.exp(x)
            ),
            r"$\begin{cases} \lambda & (x > 0) \\ \lambda\alpha(e^{x} - 1) & (x \le 0) \end{cases}$": lambda x: (
                pw(x, SELU_LAMBDA, SELU_LAMBDA * SELU_ALPHA * np.expm1(x))
            ),
            r"$\begin{cases} \lambda & (x > 0) \\ \lambda\alpha & (x \le 0) \end{cases}$": lambda x: (
                pw(x, SELU_LAMBDA, SELU_LAMBDA * SELU_ALPHA)
            ),
            r"$\begin{cases} \lambda & (x > 0) \\ \lambda\alpha e^{x} & (x \le 0) \end{cases}$": lambda x: (
                pw(x, SELU_LAMBDA, SELU_LAMBDA * SELU_ALPHA * np.exp(x))
            ),
        },
        atol=1e-9,
    ),
    "sm-formula": Formula(
        ROWS,
        lambda x: act.softmax(x, axis=1),
        {
            r"$\dfrac{x_i}{\sum_j x_j}$": lambda x: x / x.sum(axis=1, keepdims=True),
            r"$\dfrac{1}{1 + e^{-x_i}}$": sig,
            r"$\dfrac{e^{x_i}}{\max_j e^{x_j}}$": lambda x: (
                np.exp(x) / np.exp(x).max(axis=1, keepdims=True)
            ),
            r"$\dfrac{e^{x_i}}{\sum_j e^{x_j}}$": lambda x: (
                np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
            ),
        },
        atol=1e-9,
    ),
    "sm-shift-invariance": Formula(
        ROWS,
        lambda x: act.softmax(x + C, axis=1),
        {
            r"$\mathrm{softmax}(\mathbf{x}) + c$": lambda x: _rows_softmax(x) + C,
            r"$\mathrm{softmax}(\mathbf{x})$": _rows_softmax,
            r"$c \cdot \mathrm{softmax}(\mathbf{x})$": lambda x: C * _rows_softmax(x),
            r"$e^{c} \cdot \mathrm{softmax}(\mathbf{x})$": lambda x: math.exp(C) * _rows_softmax(x),
        },
        atol=1e-9,
    ),
    "lsm-formula": Formula(
        ROWS,
        lambda x: act.log_softmax(x, axis=1),
        {
            r"$x_i - \log \sum_j e^{x_j}$": lambda x: (
                x - np.log(np.exp(x).sum(axis=1, keepdims=True))
            ),
            r"$\dfrac{x_i}{\log \sum_j e^{x_j}}$": lambda x: (
                x / np.log(np.exp(x).sum(axis=1, keepdims=True))
            ),
            r"$\log x_i - \log \sum_j x_j$": lambda x: (
                np.log(x) - np.log(x.sum(axis=1, keepdims=True))
            ),
            r"$x_i - \max_j x_j$": lambda x: x - x.max(axis=1, keepdims=True),
        },
        atol=1e-9,
    ),
    "sm-jacobian-offdiag": Formula(
        ROWS,
        lambda x: _off_diagonal(np.array([act.softmax_jacobian(r) for r in x])),
        {
            r"$-s_i s_j$": lambda x: _off_diagonal(_jacobians(x, lambda s, i, j, d: -s[i] * s[j])),
            r"$s_i (1 - s_j)$": lambda x: _off_diagonal(
                _jacobians(x, lambda s, i, j, d: s[i] * (1 - s[j]))
            ),
            r"$s_i s_j$": lambda x: _off_diagonal(_jacobians(x, lambda s, i, j, d: s[i] * s[j])),
            r"$0$": lambda x: _off_diagonal(_jacobians(x, lambda s, i, j, d: 0.0)),
        },
        atol=1e-9,
    ),
    "lsm-jacobian": Formula(
        ROWS,
        lambda x: np.array([act.log_softmax_jacobian(r) for r in x]),
        {
            r"$s_i(\delta_{ij} - s_j)$": lambda x: _jacobians(
                x, lambda s, i, j, d: s[i] * (d - s[j])
            ),
            r"$\delta_{ij} - s_j$": lambda x: _jacobians(x, lambda s, i, j, d: d - s[j]),
            r"$1 / s_i$": lambda x: _jacobians(x, lambda s, i, j, d: 1 / s[i]),
            r"$\delta_{ij}$": lambda x: _jacobians(x, lambda s, i, j, d: d),
        },
        atol=1e-9,
    ),
    "sm-two-class-sigmoid": Formula(
        PAIRS,
        lambda x: act.softmax(x, axis=1)[:, 0],
        {
            r"$\sigma(x_1)$": lambda x: sig(x[:, 0]),
            r"$\sigma(x_2 - x_1)$": lambda x: sig(x[:, 1] - x[:, 0]),
            r"$\sigma(x_1 - x_2)$": lambda x: sig(x[:, 0] - x[:, 1]),
            r"$\sigma(x_1 + x_2)$": lambda x: sig(x[:, 0] + x[:, 1]),
        },
        atol=1e-9,
    ),
    "sm-cross-entropy-grad": Formula(
        ROWS,
        _cross_entropy_grad,
        {
            r"$\mathbf{t} - \mathbf{y}$": lambda a: T_ROWS - _rows_softmax(a),
            r"$\mathbf{y}(1 - \mathbf{y})$": lambda a: _rows_softmax(a) * (1 - _rows_softmax(a)),
            r"$\mathbf{y} - \mathbf{t}$": lambda a: _rows_softmax(a) - T_ROWS,
            r"$-\mathbf{t} / \mathbf{y}$": lambda a: -T_ROWS / _rows_softmax(a),
        },
        atol=1e-6,
    ),  # the reference is a finite difference
    # (beta = 0, beta -> infinity): the limits side by side, against x*sigma(beta x) at 0 and 1000
    "fm-swish-beta-limits": Formula(
        X_FAR,
        lambda x: np.concatenate([x * sig(0 * x), x * sig(1000 * x)]),
        {
            "β = 0 で 0、β → ∞ で恒等関数に近づく": lambda x: np.concatenate([0 * x, x]),
            "β = 0 で ReLU、β → ∞ で x/2 に近づく": lambda x: np.concatenate([relu_(x), x / 2]),
            "β = 0 で x/2、β → ∞ で ReLU に近づく": lambda x: np.concatenate([x / 2, relu_(x)]),
            "β = 0 で σ(x)、β → ∞ でステップ関数に近づく": lambda x: np.concatenate(
                [sig(x), step_(x)]
            ),
        },
        atol=1e-9,
    ),
}


def _agrees(fn: Callable[[np.ndarray], np.ndarray], want: np.ndarray, formula: Formula) -> bool:
    got = quietly(lambda: np.asarray(fn(formula.sample.copy()), dtype=float))
    return same_within(got, want, formula.atol)


def same_within(got: np.ndarray | None, want: np.ndarray, atol: float) -> bool:
    if got is None or got.shape != want.shape or not np.all(np.isfinite(got)):
        return False
    return bool(np.allclose(got, want, rtol=1e-7, atol=atol))


@pytest.mark.parametrize("qid", sorted(FORMULAS))
def test_formula_options(qid):
    q, formula = BANK[qid], FORMULAS[qid]
    assert set(formula.options) == set(q["options"]), f"{qid}: transcription out of date"
    want = np.asarray(formula.reference(formula.sample.copy()), dtype=float)
    assert _agrees(formula.options[q["answer"]], want, formula), (
        f"{qid}: the key is not the formula"
    )
    also = [
        o for o, fn in formula.options.items() if o != q["answer"] and _agrees(fn, want, formula)
    ]
    assert not also, f"{qid}: {also} also equal the formula"


def test_the_gelu_tanh_form_differs_from_the_exact_form_as_the_explanations_say():
    """us-transformer-ffn and gr-gelu-transformer: BERT / GPT-2 compute the tanh form, at
    most about 5e-4 from the exact form (so the graph of the exact form is theirs too)."""
    x = np.linspace(-10, 10, 200001)
    gap = float(np.max(np.abs(act.gelu(x, approximate=True) - act.gelu(x, approximate=False))))
    assert round(gap, 4) == 5e-4  # 4.7e-4 to two significant figures is "about 5e-4"
    for qid in ("us-transformer-ffn", "gr-gelu-transformer"):
        assert r"5 \times 10^{-4}" in BANK[qid]["explanation"] and "tanh 近似" in BANK[qid]["explanation"]
