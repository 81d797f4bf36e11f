"""The 損失関数 theme (quiz_data/loss.yaml): every computable key recomputed from the core
(``losses``, ``activations``, ``viewstate.loss_lab``) and, where cheap, from an independent
reference (mpmath at 50 digits in tests/loss_references.py, central differences, closed
forms). The bank's text is never read for a value: what each question asks is written
below from reading it.

- numeric: |key − value| ≤ tolerance, and the plausible wrong answers fall outside it;
- single with value, formula or code options: exactly the keyed option agrees with the core;
- code tracing: tests/test_bank_code.py runs the snippet; here the value it prints is
  computed again from the core, so a snippet that computes the wrong thing fails too;
- blanks: every option put into the formula or code; only the key works;
- truefalse: the claim computed;
- a completeness test lists every question of the theme as checked or conceptual.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import mpmath as mp
import numpy as np
import pytest
from scipy.optimize import minimize_scalar

import activations as act
import losses
from plots.quiz_figures import softmax_data
from plots.quiz_figures_unit import loss_data
from quiz.figures import LossFigure, SoftmaxFigure, alt_text, describe
from quiz.loader import load_paths
from viewstate import loss_lab

from . import loss_references as ref
from .test_bank_values import BANK, BANK_DIR

THEME = "loss"
LOSS = {qid: q for qid, q in BANK.items() if q["theme"] == THEME}


def q(qid: str) -> dict[str, Any]:
    return LOSS[qid]


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def central(fn: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    return (fn(x + h) - fn(x - h)) / (2 * h)


# ------------------------------------------------------------------------------ numeric
def _mse_sigmoid_peak() -> float:
    """argmax over a of |∂E/∂a| for sigmoid + ½(y − 1)², on the lab's own gradients."""
    r = minimize_scalar(lambda a: -abs(float(loss_lab.logit_grads(a, 1)[1])), bounds=(-3, 2),
                        method="bounded", options={"xatol": 1e-10})
    return float(r.x)


# qid -> (value from the core, independent reference, plausible wrong answers)
NUMERIC: dict[str, tuple[Callable[[], float], Callable[[], float], list[float]]] = {
    "lo-bce-value": (
        lambda: float(losses.binary_cross_entropy(0.8, 0.0)),
        lambda: float(ref.bce(0.8, 0)),
        [-math.log(0.8), -math.log10(0.2), 0.5 * 0.8**2],
    ),
    "lo-ce-delta-cap": (
        loss_lab.textbook_cap,  # what the /loss lab shows as the textbook's ceiling
        lambda: float(-mp.log(mp.mpf("1e-7"))),
        [7.0, 7 * math.log2(10), 16.1],
    ),
    "lo-batch-likelihood": (
        # a batch of 4 whose mean CE is 0.5 (each label at p = e^-0.5): the product of the p
        lambda: math.exp(-4 * losses.cross_entropy(
            np.full((4, 2), [math.exp(-0.5), 1 - math.exp(-0.5)]), np.zeros(4, int))),
        lambda: float(mp.e ** -2),
        [math.exp(-0.5), math.exp(-0.125), 0.5**4],
    ),
    "lo-entropy-value": (
        lambda: float(losses.entropy([0.5, 0.25, 0.25])),
        lambda: float(ref.entropy([0.5, 0.25, 0.25])),
        [1.5, 1.5 * math.log10(2), -1.0397, math.log(3)],
    ),
    "lo-initial-loss": (
        lambda: losses.cross_entropy(np.full((5, 10), 0.1), np.arange(5)),
        lambda: float(mp.log(10)),
        [1.0, math.log2(10), 0.9],
    ),
    "lo-logit-grad-ratio": (
        lambda: loss_lab.logit_probe(-4.0, 1).ratio,  # the ratio the /loss lab prints
        lambda: float(mp.e**4 + 2 + mp.e**-4),
        [1 / 56.6, 4.0, 1 / float(act.sigmoid(-4.0))],
    ),
    "lo-soft-target-value": (
        lambda: losses.cross_entropy(np.array([0.8, 0.1, 0.1]), np.array([0.9, 0.05, 0.05])),
        lambda: float(-(mp.mpf("0.9") * mp.log(mp.mpf("0.8")) + mp.mpf("0.1") * mp.log(
            mp.mpf("0.1")))),
        [-math.log(0.8), -0.9 * math.log(0.8), 0.431088 / math.log(10)],
    ),
    "lo-mse-sigmoid-peak": (
        _mse_sigmoid_peak,
        lambda: float(-mp.log(2)),
        [0.0, math.log(2), -math.log(3)],
    ),
}


def test_every_numeric_question_is_checked():
    numeric = {qid for qid, x in LOSS.items() if x["type"] == "numeric"}
    assert numeric == set(NUMERIC)


@pytest.mark.parametrize("qid", sorted(NUMERIC))
def test_numeric_key(qid):
    core, reference, wrong = NUMERIC[qid]
    key, tol = q(qid)["answer"], q(qid)["tolerance"]
    value = core()
    assert value == pytest.approx(reference(), rel=1e-6, abs=1e-6)
    assert abs(key - value) <= tol, f"{qid}: key {key}, computed {value}"
    for w in wrong:
        assert abs(key - w) > tol, f"{qid}: the wrong answer {w} would be accepted"


def test_the_likelihood_is_the_exponential_of_minus_n_times_the_mean_loss():
    """lo-batch-likelihood / lo-ml-view: mean CE = −log(Π p)/N for any batch."""
    rng = np.random.default_rng(0)
    y = rng.dirichlet(np.ones(4), size=6)
    labels = rng.integers(0, 4, size=6)
    mean = losses.cross_entropy(y, labels)
    assert math.exp(-6 * mean) == pytest.approx(float(np.prod(y[np.arange(6), labels])))


# ------------------------------------------------------------------------------ single
def _options_by_value(qid: str, value: float, tol: float = 1e-9) -> list[str]:
    return [o for o in q(qid)["options"] if abs(number(o) - value) <= tol]


def test_bce_grad_wrt_y_is_minus_five_and_the_distractors_are_the_mistakes():
    value = float(losses.binary_cross_entropy_grad(0.2, 1.0))
    assert value == pytest.approx(central(lambda y: float(ref.bce(y, 1)), 0.2))
    assert _options_by_value("lo-bce-grad-wrt-y", value, 1e-9) == [q("lo-bce-grad-wrt-y")["answer"]]
    # the distractors are the logit gradient, its sign slip and sigmoid + MSE's
    a = math.log(0.2 / 0.8)
    bce_a, mse_a = loss_lab.logit_grads(a, 1)
    assert sorted(number(o) for o in q("lo-bce-grad-wrt-y")["options"]) == pytest.approx(
        sorted([value, float(bce_a), -value, round(float(mse_a), 3)]))


# the formulas of the options, written from reading them; r = y − t
FORMULAS: dict[str, dict[str, Callable[..., np.ndarray]]] = {
    "lo-mse-mean-grad": {
        r"$\dfrac{2}{n}(y_k - t_k)$": lambda y, t, n: 2 / n * (y - t),
        "$y_k - t_k$": lambda y, t, n: y - t,
        r"$\dfrac{1}{n}(y_k - t_k)$": lambda y, t, n: (y - t) / n,
        "$2(y_k - t_k)$": lambda y, t, n: 2 * (y - t),
    },
    "lo-huber-grad": {
        r"$\operatorname{clip}(r, -\delta, \delta)$": lambda r, d: np.clip(r, -d, d),
        "$r$": lambda r, d: r,
        r"$\delta \operatorname{sign}(r)$": lambda r, d: d * np.sign(r),
        r"$\operatorname{clip}(r, -\frac{\delta}{2}, \frac{\delta}{2})$":
            lambda r, d: np.clip(r, -d / 2, d / 2),
    },
}


def _mse_mean_ok(formula) -> bool:
    rng = np.random.default_rng(1)
    for n in (1, 3, 5):
        y, t = rng.normal(size=n), rng.normal(size=n)
        want = losses.mean_squared_error_grad(y, t, convention="mean")
        def mean_at(v, k, y=y, t=t, n=n):
            return losses.mean_squared_error(np.where(np.arange(n) == k, v, y), t,
                                             convention="mean")
        numeric = np.array([central(lambda v, k=k: mean_at(v, k), y[k]) for k in range(n)])
        assert np.allclose(want, numeric, atol=1e-6)
        if not np.allclose(formula(y, t, n), want, atol=1e-9):
            return False
    return True


def _huber_grad_ok(formula) -> bool:
    y = np.linspace(-4, 4, 81) + 0.013  # off the kinks
    for d in (0.5, 1.0, 2.0):
        want = losses.huber_grad(y, 0.3, delta=d)
        numeric = np.array([central(lambda v, d=d: float(ref.huber(v, 0.3, d)), v) for v in y])
        assert np.allclose(want, numeric, atol=1e-6)
        if not np.allclose(formula(y - 0.3, d), want, atol=1e-9):
            return False
    return True


FORMULA_CHECKS = {"lo-mse-mean-grad": _mse_mean_ok, "lo-huber-grad": _huber_grad_ok}


@pytest.mark.parametrize("qid", sorted(FORMULAS))
def test_only_the_keyed_formula_agrees_with_the_core(qid):
    forms = FORMULAS[qid]
    assert set(forms) == set(q(qid)["options"])
    right = [o for o, fn in forms.items() if FORMULA_CHECKS[qid](fn)]
    assert right == [q(qid)["answer"]]


# ------------------------------------------------------------------------------ code tracing
def _label_ce() -> str:
    y = np.array([[0.1, 0.6, 0.3], [0.8, 0.1, 0.1]])
    return str(round(losses.cross_entropy(y, np.array([1, 0])), 3))


def _label_backward() -> str:
    """SoftmaxWithLoss.backward of the textbook (label form) on logits whose softmax is y."""
    y = np.array([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]])
    t = np.array([1, 0])
    layer = act.exam_style.SoftmaxWithLoss()
    layer.forward(np.log(y), t)
    dx = layer.backward()
    assert np.allclose(dx, losses.softmax_cross_entropy_grad(np.log(y), t))
    return str(np.round(dx, 3).tolist())


def _three_logs() -> str:
    row = loss_lab.safety_row(-20.0)  # the /loss lab's row for the logit −20 against 0
    assert 0 < row.y < 1e-8  # tiny, not 0: −log y is finite and the 1e-7 dominates
    assert row.stable == pytest.approx(float(ref.softmax_ce([-20, 0], 0)), rel=1e-12)
    return f"{round(row.naive, 2)} {round(row.textbook, 2)} {round(row.stable, 2)}"


def _huber() -> str:
    return str(losses.huber(np.array([-3.0, 0.5, 2.0]), 0.0, delta=1.0))


def _bce_batch() -> str:
    y, t = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])
    mean = float(np.mean(losses.binary_cross_entropy(y, t)))
    assert mean == pytest.approx(float(mp.fsum(ref.bce(a, b) for a, b in zip(y, t, strict=True))) / 3)
    return str(round(mean, 3))


def _kl() -> str:
    p, r = np.array([0.5, 0.5]), np.array([0.9, 0.1])
    return f"{round(float(losses.kl_divergence(p, r)), 3)} {round(float(losses.kl_divergence(r, p)), 3)}"


def _numgrad() -> str:
    a = np.array([2.0, 1.0, 0.0])
    g = losses.softmax_cross_entropy_grad(a, np.array([1]))[0]
    assert np.allclose(g, [float(v) for v in ref.softmax_ce_grad(a, 1)])
    return str(np.round(g, 3))


# qid -> what the snippet computes, from the core: its printed form must be the key
CODE = {
    "lo-trace-label-ce": _label_ce,
    "lo-trace-label-backward": _label_backward,
    "lo-trace-three-logs": _three_logs,
    "lo-trace-huber": _huber,
    "lo-trace-bce-batch": _bce_batch,
    "lo-trace-kl": _kl,
    "lo-trace-numgrad": _numgrad,
}


def test_every_code_question_is_checked():
    assert {qid for qid, x in LOSS.items() if "code" in x} == set(CODE)


@pytest.mark.parametrize("qid", sorted(CODE))
def test_the_snippet_computes_what_the_core_computes(qid):
    assert CODE[qid]() == q(qid)["answer"]


# ------------------------------------------------------------------------------ true / false
def _delta_negative() -> bool:
    e = losses.cross_entropy_error(np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    return bool(e < 0)


def _onehot_kl_direction() -> bool:
    """CE with one-hot t equals KL(y‖t)? (It equals KL(t‖y); KL(y‖t) is infinite.)"""
    y, t = np.array([0.2, 0.7, 0.1]), np.array([0.0, 1.0, 0.0])
    ce = losses.cross_entropy(y, t)
    assert ce == pytest.approx(float(losses.kl_divergence(t, y)))
    return bool(np.isclose(ce, float(losses.kl_divergence(y, t))))


def _soft_target_floor() -> bool:
    """CE against t = (0.5, 0.5) can reach 0? Its minimum over y is H(t) = log 2."""
    p = np.linspace(1e-6, 1 - 1e-6, 100_001)
    ce = [losses.cross_entropy(np.array([v, 1 - v]), np.array([0.5, 0.5])) for v in p[::1000]]
    low = min(ce)
    assert low == pytest.approx(float(losses.entropy([0.5, 0.5])), abs=1e-9)
    return low <= 1e-12


def _mse_bounded() -> bool:
    """Both BCE and ½(y − 1)² grow without bound as a → −∞?"""
    a = np.array([-10.0, -20.0, -40.0, -700.0])
    bce = losses.binary_cross_entropy_with_logits(a, 1.0)
    se = losses.squared_error(act.sigmoid(a), 1.0)
    assert np.all(np.diff(bce) > 5) and bce[-1] > 690
    return bool(np.all(se > 10))  # ½(0 − 1)² = 0.5 is its ceiling


def _gaussian_nll() -> bool:
    """−log N(t; y, s²) − (y − t)²/(2 s²) does not depend on y."""
    t, s = 0.7, 1.3
    y = np.linspace(-3, 3, 13)
    nll = -np.array([float(mp.log(mp.npdf(t, v, s))) for v in y])
    rest = nll - losses.squared_error(y, t) / s**2
    return bool(np.allclose(rest, rest[0], atol=1e-12))


TRUE_FALSE = {
    "lo-delta-negative": _delta_negative,
    "lo-onehot-kl-direction": _onehot_kl_direction,
    "lo-soft-target-floor": _soft_target_floor,
    "lo-mse-bounded": _mse_bounded,
    "lo-gaussian-nll": _gaussian_nll,
}


@pytest.mark.parametrize("qid", sorted(TRUE_FALSE))
def test_true_false_claim(qid):
    assert TRUE_FALSE[qid]() is q(qid)["answer"]


# ------------------------------------------------------------------------------ conceptual
def test_delta_purpose_log_zero_is_minus_infinity_and_delta_keeps_it_finite():
    """lo-delta-purpose: without delta the loss of y = 0 at the label is inf; with it finite."""
    y, t = np.array([0.0, 1.0]), np.array([1.0, 0.0])
    assert losses.cross_entropy(y, t) == math.inf
    assert math.isfinite(losses.cross_entropy_error(y, t))


def test_the_half_keeps_the_minimiser_and_makes_the_gradient_y_minus_t():
    """lo-half-why: ½Σ and Σ have the same minimiser; ½Σ's gradient is y − t."""
    rng = np.random.default_rng(2)
    y, t = rng.normal(size=4), rng.normal(size=4)
    assert np.allclose(losses.mean_squared_error_grad(y, t), y - t)
    assert losses.mean_squared_error(y, t, "sum") == pytest.approx(
        2 * losses.mean_squared_error(y, t))


# Conceptual: their keys are statements; the facts behind them are computed above.
CONCEPTUAL = {
    "lo-delta-purpose": "why + 1e-7: log 0 (computed in the test above)",
    "lo-half-why": "why ½ (computed in the test above)",
    "lo-ml-view": "CE = negative log-likelihood (the likelihood test above)",
}


def _two_class_softmax_equals_bce() -> bool:
    a = np.linspace(-30, 30, 121)
    for t in (0.0, 1.0):
        bce = losses.binary_cross_entropy_with_logits(a, t)
        pair = np.stack([a, np.zeros_like(a)], axis=1)
        target = np.tile([t, 1 - t], (a.size, 1))
        ce = [losses.softmax_cross_entropy(row[None], tr[None]) for row, tr in zip(pair, target,
                                                                                  strict=True)]
        if not np.allclose(bce, ce, rtol=1e-12, atol=1e-12):
            return False
    return True


TRUE_FALSE["lo-bce-two-class-softmax"] = _two_class_softmax_equals_bce


# ------------------------------------------------------------------------------ blanks
def _code_template(qid: str) -> str:
    text = q(qid)["text"]
    return text.split("```python\n", 1)[1].split("```", 1)[0]


def _fill(template: str, labels: list[str], option: list[str]) -> str:
    for label, fill in zip(labels, option, strict=True):
        template = template.replace(f"（{label}）", fill.strip("`"))
    return template


def _ce_onehot_ok(option: list[str]) -> bool:
    ns: dict[str, Any] = {"np": np}
    exec(_fill(_code_template("lo-ce-onehot-blanks"), ["ア", "イ"], option), ns)
    rng = np.random.default_rng(3)
    for n, c in ((2, 3), (4, 5), (5, 3)):
        y = rng.dirichlet(np.ones(c), size=n)
        labels = rng.integers(0, c, size=n)
        labels[0], labels[-1] = 0, c - 1  # not all one class
        want = losses.cross_entropy(y, labels)
        for t in (labels, losses.one_hot(labels, c)):
            try:
                with np.errstate(all="ignore"):
                    got = float(ns["cross_entropy_error"](y, t))
            except (IndexError, ValueError, np.exceptions.AxisError):
                return False
            if abs(got - want) > 1e-5:
                return False
    return True


def _printed(value: float, text: str) -> bool:
    """``text`` is ``value`` to the places it is written in."""
    places = len(text.split(".")[1]) if "." in text else 0
    return abs(number(text) - value) <= 0.5 * 10.0**-places + 1e-12


def _mse_conventions_ok(option: list[str]) -> bool:
    y, t = np.array([1.0, 2.0, 3.0]), np.array([0.0, 2.0, 5.0])
    return (_printed(losses.mean_squared_error(y, t, "half_sum"), option[0])
            and _printed(losses.mean_squared_error(y, t, "mean"), option[1]))


BERNOULLI = {  # the options' probability of t given y, and what is taken of it
    "$y^{t}(1 - y)^{1 - t}$": lambda y, t: y**t * (1 - y) ** (1 - t),
    "$y^{1 - t}(1 - y)^{t}$": lambda y, t: y ** (1 - t) * (1 - y) ** t,
    "$t^{y}(1 - t)^{1 - y}$": lambda y, t: t**y * (1 - t) ** (1 - y),
}
TAKEN = {"対数の符号を反転したもの": lambda p: -np.log(p), "対数": np.log}


def _bernoulli_ok(option: list[str]) -> bool:
    y = np.linspace(0.01, 0.99, 99)
    for t in (0.0, 1.0):
        with np.errstate(divide="ignore"):
            got = TAKEN[option[1]](BERNOULLI[option[0]](y, t))
        if not np.allclose(got, losses.binary_cross_entropy(y, t), atol=1e-12):
            return False
    return True


INFO = {  # the options of lo-ce-entropy-kl-blanks as functions of (p, q)
    "$H(p)$": lambda p, r: losses.entropy(p),
    "$H(q)$": lambda p, r: losses.entropy(r),
    r"$D_{\mathrm{KL}}(p \,\|\, q)$": lambda p, r: losses.kl_divergence(p, r),
    r"$D_{\mathrm{KL}}(q \,\|\, p)$": lambda p, r: losses.kl_divergence(r, p),
}


def _ce_entropy_kl_ok(option: list[str]) -> bool:
    rng = np.random.default_rng(4)
    for _ in range(20):
        p, r = rng.dirichlet(np.ones(4)), rng.dirichlet(np.ones(4))
        ce = losses.cross_entropy(r, p)  # H(p, q): model q = r, target p
        if abs(float(INFO[option[0]](p, r) + INFO[option[1]](p, r)) - ce) > 1e-9:
            return False
    # and the part that does not depend on the model is the first
    p = rng.dirichlet(np.ones(4))
    first = [float(INFO[option[0]](p, rng.dirichlet(np.ones(4)))) for _ in range(3)]
    return bool(np.allclose(first, first[0]))


HUBER_CONST = {  # E = δ(|r| − c(δ)) beyond δ
    r"$\dfrac{\delta}{2}$": lambda d: d / 2,
    r"$\delta$": lambda d: d,
    r"$\dfrac{\delta^2}{2}$": lambda d: d**2 / 2,
}
HUBER_SLOPE = {r"つねに $\delta$": lambda r, d: np.full_like(r, d),
               r"$|r|$ に比例して大きく": lambda r, d: np.abs(r)}


def _huber_blanks_ok(option: list[str]) -> bool:
    for d in (0.5, 1.0, 2.0):
        c = HUBER_CONST[option[0]](d)
        r = np.linspace(d + 1e-3, d + 5, 200)
        if not np.allclose(d * (r - c), losses.huber(r, 0.0, delta=d), atol=1e-12):
            return False
        if abs(0.5 * d * d - d * (d - c)) > 1e-12:  # the two pieces meet at |r| = δ
            return False
        if not np.allclose(HUBER_SLOPE[option[1]](r, d), np.abs(losses.huber_grad(r, 0.0, d))):
            return False
    return True


CHAIN = {  # the options of lo-bce-chain-blanks as functions of (y, t)
    r"$\dfrac{y - t}{y(1 - y)}$": lambda y, t: (y - t) / (y * (1 - y)),
    r"$\dfrac{t - y}{y(1 - y)}$": lambda y, t: (t - y) / (y * (1 - y)),
    r"$-\dfrac{t}{y}$": lambda y, t: -t / y,
    "$y(1 - y)$": lambda y, t: y * (1 - y),
    "$1 - y^2$": lambda y, t: 1 - y**2,
    "$y - t$": lambda y, t: y - t,
    "$t - y$": lambda y, t: t - y,
    "$-t(1 - y)$": lambda y, t: -t * (1 - y),
    r"$\dfrac{(y - t)(1 + y)}{y}$": lambda y, t: (y - t) * (1 + y) / y,
    r"$\dfrac{(t - y)(1 + y)}{y}$": lambda y, t: (t - y) * (1 + y) / y,
}


def _bce_chain_ok(option: list[str]) -> bool:
    a = np.linspace(-5, 5, 41)
    y = act.sigmoid(a)
    dy_da = np.array([central(lambda v: float(act.sigmoid(v)), x) for x in a])
    for t in (0.0, 1.0):
        parts = [CHAIN[o](y, t) for o in option]
        if not (np.allclose(parts[0], losses.binary_cross_entropy_grad(y, t), rtol=1e-9)
                and np.allclose(parts[1], dy_da, atol=1e-8)
                and np.allclose(parts[2], losses.binary_cross_entropy_with_logits_grad(a, t),
                                atol=1e-12)
                and np.allclose(parts[0] * parts[1], parts[2], atol=1e-12)):
            return False
    return True


def _batch_mean_ok(option: list[str]) -> bool:
    """(ア) what the textbook's loss divides by; (イ) how the gradient of the summed loss
    scales when the batch doubles; (ウ) how the step at a fixed learning rate scales with the
    batch when the loss is the mean. On a linear softmax model, batches of N and 2N
    (the same N samples twice: the same distribution)."""
    rng = np.random.default_rng(8)
    x = rng.normal(size=(6, 4))
    labels = rng.integers(0, 3, size=6)
    w = rng.normal(size=(4, 3))
    y = act.softmax(x @ w, axis=-1)
    divisor = {"バッチサイズ": 6, "クラス数": 3}[option[0]]
    summed = -float(np.sum(np.log(y[np.arange(6), labels])))
    # (the textbook's + 1e-7 moves its value by ~1e-3 here; dividing by 3 would double it)
    if abs(summed / divisor / losses.cross_entropy_error(y, labels) - 1) > 1e-2:
        return False

    def grad(xs, ls, mean: bool):
        g = xs.T @ losses.softmax_cross_entropy_grad(xs @ w, ls)  # dW of the mean loss
        return g if mean else g * len(xs)
    twice = (np.vstack([x, x]), np.concatenate([labels, labels]))
    ratio_sum = np.linalg.norm(grad(*twice, mean=False)) / np.linalg.norm(grad(x, labels, False))
    ratio_mean = np.linalg.norm(grad(*twice, mean=True)) / np.linalg.norm(grad(x, labels, True))
    if abs(ratio_sum - {"2 倍": 2.0, "1/2 倍": 0.5}[option[1]]) > 1e-9:
        return False
    # one step at a fixed learning rate is the gradient times it: with the mean, its size
    # hardly depends on N (here not at all: the same samples twice)
    return {"ほとんどよらない": abs(ratio_mean - 1.0) < 1e-9,
            "比例する": abs(ratio_mean - 2.0) < 1e-9}[option[2]]


BLANKS = {
    "lo-ce-onehot-blanks": _ce_onehot_ok,
    "lo-mse-conventions-blanks": _mse_conventions_ok,
    "lo-bernoulli-blanks": _bernoulli_ok,
    "lo-ce-entropy-kl-blanks": _ce_entropy_kl_ok,
    "lo-huber-blanks": _huber_blanks_ok,
    "lo-bce-chain-blanks": _bce_chain_ok,
    "lo-batch-mean-blanks": _batch_mean_ok,
}


def test_every_blanks_question_is_checked():
    assert {qid for qid, x in LOSS.items() if x["type"] == "blanks"} == set(BLANKS)


@pytest.mark.parametrize("qid", sorted(BLANKS))
def test_only_the_keyed_fill_in_works(qid):
    good = [o for o in q(qid)["options"] if BLANKS[qid](o)]
    assert good == [q(qid)["answer"]], f"{qid}: options that work: {good}"


# ------------------------------------------------------------------------------ multiple
def _kl_claims() -> dict[str, bool]:
    rng = np.random.default_rng(6)
    pairs = [(rng.dirichlet(np.ones(3)), rng.dirichlet(np.ones(3))) for _ in range(200)]
    kl = np.array([float(losses.kl_divergence(p, r)) for p, r in pairs])
    back = np.array([float(losses.kl_divergence(r, p)) for p, r in pairs])
    ce = np.array([losses.cross_entropy(r, p) for p, r in pairs])
    p = np.array([0.2, 0.3, 0.5])
    with np.errstate(divide="ignore"):
        zero_q = float(losses.kl_divergence(p, np.array([0.5, 0.5, 0.0])))
    return {
        "nonnegative, 0 only at p = q": bool(np.all(kl > 0)
                                             and float(losses.kl_divergence(p, p)) == 0.0),
        "not symmetric": bool(np.max(np.abs(kl - back)) > 0.1),
        "infinite where q = 0 < p": zero_q == math.inf,
        "can exceed the cross-entropy": bool(np.any(kl > ce)),
        "can be negative": bool(np.any(kl < 0)),
    }


def _huber_claims() -> dict[str, bool]:
    r = np.linspace(-6, 6, 1201) + 1e-4
    out: dict[str, bool] = {}
    linear, inside_same, smooth, bigger_wider, small_closer, above = [], [], [], [], [], []
    for d in (0.5, 1.0, 2.0):
        e, se = losses.huber(r, 0.0, delta=d), losses.squared_error(r, 0.0)
        far = np.abs(r) > d + 0.02
        sides = (r > d + 0.02, r < -d - 0.02)  # a straight line on each side
        linear.append(all(np.allclose(np.diff(e[s], 2), 0, atol=1e-9) for s in sides)
                      and np.all(e[far] < se[far]))
        near = np.abs(r) <= d
        inside_same.append(np.allclose(e[near], se[near]))
        g = losses.huber_grad(np.array([-1e-6, 1e-6]), 0.0, delta=d)
        smooth.append(abs(g[1] - g[0]) < 1e-5)
        above.append(bool(np.all(e >= se - 1e-12)))
    same = [np.mean(np.isclose(losses.huber(r, 0.0, d), losses.squared_error(r, 0.0)))
            for d in (0.5, 1.0, 2.0)]
    bigger_wider.append(same[0] < same[1] < same[2])
    gap = [np.max(np.abs(losses.huber(r, 0.0, d) - losses.squared_error(r, 0.0)))
           for d in (0.1, 2.0)]
    small_closer.append(gap[0] < gap[1])
    out["linear beyond δ, below the square"] = all(linear)
    out["equal inside, differentiable at 0"] = all(inside_same) and all(smooth)
    out["larger δ: equal on a wider range"] = all(bigger_wider)
    out["smaller δ: closer to the square"] = all(small_closer)
    out["never below the square"] = all(above)
    return out


def _y_minus_t_claims() -> dict[str, bool]:
    """Which (output, loss) pairs give ∂E/∂a_k = y_k − t_k: by central differences."""
    rng = np.random.default_rng(7)
    a = rng.normal(size=3)
    t_hot = np.array([0.0, 1.0, 0.0])
    t_real = rng.normal(size=3)
    t01 = np.array([1.0, 0.0, 1.0])
    ident = act.REGISTRY["identity"].fn
    pairs = {
        "identity + ½Σ": (ident, lambda y: losses.mean_squared_error(y, t_real), t_real),
        "sigmoid + BCE": (act.sigmoid, lambda y: float(np.sum(losses.binary_cross_entropy(y, t01))),
                          t01),
        "softmax + CE": (act.softmax, lambda y: losses.cross_entropy(y, t_hot), t_hot),
        "sigmoid + ½Σ": (act.sigmoid, lambda y: losses.mean_squared_error(y, t01), t01),
        "softmax + ½Σ": (act.softmax, lambda y: losses.mean_squared_error(y, t_hot), t_hot),
    }
    out = {}
    for name, (h, e, t) in pairs.items():
        grad = np.array([central(lambda v, k=k, h=h, e=e: e(h(np.where(np.arange(3) == k, v, a))),
                                 a[k]) for k in range(3)])
        out[name] = bool(np.allclose(grad, h(a) - t, atol=1e-6))
    return out


# option -> the claim computed above, written from reading each option
MULTIPLE = {
    "lo-kl-properties": (_kl_claims, [
        "nonnegative, 0 only at p = q", "not symmetric", "infinite where q = 0 < p",
        "can exceed the cross-entropy", "can be negative"]),
    "lo-huber-properties": (_huber_claims, [
        "linear beyond δ, below the square", "equal inside, differentiable at 0",
        "larger δ: equal on a wider range", "smaller δ: closer to the square",
        "never below the square"]),
    "lo-y-minus-t-pairs": (_y_minus_t_claims, [
        "identity + ½Σ", "sigmoid + BCE", "softmax + CE", "sigmoid + ½Σ", "softmax + ½Σ"]),
}


def test_every_multiple_question_is_checked():
    assert {qid for qid, x in LOSS.items() if x["type"] == "multiple"} == set(MULTIPLE)


@pytest.mark.parametrize("qid", sorted(MULTIPLE))
def test_multiple_keys_are_exactly_the_true_claims(qid):
    claims, names = MULTIPLE[qid]
    truth = claims()
    options = q(qid)["options"]
    assert len(options) == len(names)
    true_options = {o for o, n in zip(options, names, strict=True) if truth[n]}
    assert true_options == set(q(qid)["answer"])


# ------------------------------------------------------------------------------ graphs
def _sigmoid_ref(a: np.ndarray) -> np.ndarray:
    """σ in mpmath: shares no code with activations."""
    return np.array([float(1 / (1 + mp.e ** -mp.mpf(v))) for v in a])


def _curve(over: str, want: Callable[[np.ndarray], np.ndarray], atol: float = 1e-6):
    """A check: a loss figure over ``over`` that draws ``want`` (from an independent reference)."""
    def check(fig) -> bool:
        if not isinstance(fig, LossFigure) or fig.over != over:
            return False
        x, y = loss_data(fig)
        return bool(np.allclose(y, want(x), rtol=1e-6, atol=atol))
    return check


def _bce_ref(t: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda x: np.array([float(ref.bce(v, t)) for v in x])


def _d(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    """The derivative by central differences (h = 1e-6)."""
    return lambda x: (fn(x + 1e-6) - fn(x - 1e-6)) / 2e-6


def _mse_logit(t: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: 0.5 * (_sigmoid_ref(a) - t) ** 2


def _softmax_ce_smallest(label: int):
    """A check: among the question's softmax figures, this one has the smallest −log y_label
    (mpmath's softmax), by a margin a learner can read off the bars (.2f)."""
    def check(fig, options) -> bool:
        if not isinstance(fig, SoftmaxFigure):
            return False
        ce = {id(o): float(ref.softmax_ce(o.logits, label)) for o in options}
        mine = ce.pop(id(fig))
        y_label = float(softmax_data(fig)[label])
        assert -math.log(y_label) == pytest.approx(mine)
        return all(mine < other - 0.05 for other in ce.values())
    return check


# qid -> what the text asks, written from reading it (E over y or a; t; derivative or not)
GRAPHS: dict[str, Callable] = {
    "lo-gr-bce-t1": _curve("prediction", _bce_ref(1.0)),
    "lo-gr-bce-t0-grad": _curve("prediction", lambda y: 1 / (1 - y), atol=1e-6),
    "lo-gr-bce-logit-grad": _curve("logit", _d(lambda a: np.array(
        [float(ref.bce_logits(v, 1)) for v in a])), atol=1e-6),
    "lo-gr-mse-logit-grad": _curve("logit", _d(_mse_logit(1.0)), atol=1e-6),
    "lo-gr-bce-logit-t0": _curve("logit", lambda a: np.logaddexp(0.0, a)),
    "lo-gr-mse-logit-flat": _curve("logit", _mse_logit(1.0)),
    "lo-gr-squared-grad": _curve("prediction", lambda y: y - 1.0),
    "lo-gr-huber": _curve("prediction", lambda y: np.array([float(ref.huber(v, 0, 1))
                                                             for v in y])),
    "lo-gr-bce-soft-target": _curve("prediction", _bce_ref(0.3)),
    "lo-gr-huber-grad": _curve("prediction", _d(lambda y: np.array([float(ref.huber(v, 0, 1))
                                                                    for v in y])), atol=1e-5),
    "lo-gr-softmax-ce": _softmax_ce_smallest(1),  # class 2 on screen
}
QUESTIONS = {x.id: x for x in load_paths([BANK_DIR]).questions if x.theme == THEME}


def test_every_graph_question_is_checked():
    assert {qid for qid, x in LOSS.items() if x["type"] == "graph"} == set(GRAPHS)


@pytest.mark.parametrize("qid", sorted(GRAPHS))
def test_only_the_keyed_figure_shows_what_the_text_asks(qid):
    question = QUESTIONS[qid]
    check = GRAPHS[qid]
    options = question.options
    if qid == "lo-gr-softmax-ce":
        right = [o for o in options if check(o, options)]
    else:
        right = [o for o in options if check(o)]
    assert right == [question.answer], [describe(o) for o in right]


@pytest.mark.parametrize("qid", sorted(GRAPHS))
def test_the_four_figures_share_their_axes_and_look_different(qid):
    """Same axis and range (the axis title and alt text then tell nothing) and curves that
    differ by at least a tenth of their common scale somewhere."""
    options = QUESTIONS[qid].options
    assert len({alt_text(o) for o in options}) == 1
    if isinstance(options[0], SoftmaxFigure):
        bars = [softmax_data(o) for o in options]
        for i in range(4):
            for j in range(i):
                assert np.max(np.abs(bars[i] - bars[j])) > 0.1
        return
    curves = [loss_data(o)[1] for o in options]
    for i in range(4):
        for j in range(i):
            a, b = curves[i], curves[j]
            scale = max(np.ptp(a), np.ptp(b))
            assert np.max(np.abs(a - b)) > 0.1 * scale, (describe(options[i]), describe(options[j]))


def test_the_kl_example_the_explanation_quotes():
    """lo-kl-properties: p = (0.5, 0.5), q = (0.8, 0.2) gives 0.223 one way and 0.193 back."""
    p, r = np.array([0.5, 0.5]), np.array([0.8, 0.2])
    assert round(float(losses.kl_divergence(p, r)), 3) == 0.223
    assert round(float(losses.kl_divergence(r, p)), 3) == 0.193


def test_what_the_graph_explanations_say_about_the_curves():
    """Values the explanations quote, from the figures' own data."""
    flat = loss_data(LossFigure(kind="loss", loss="squared", target=1, over="logit", x=[-10, 10]))
    assert flat[1][0] == pytest.approx(0.5, abs=1e-4) and flat[1][-1] < 1e-8
    bump = loss_data(LossFigure(kind="loss", loss="squared", target=1, over="logit",
                                derivative=True))
    assert bump[0][np.argmin(bump[1])] == pytest.approx(-math.log(2), abs=0.02)
    soft = loss_data(LossFigure(kind="loss", loss="bce", target=0.3))
    assert soft[0][np.argmin(soft[1])] == pytest.approx(0.3, abs=0.01)
    assert soft[1].min() == pytest.approx(float(losses.entropy([0.3, 0.7])), abs=1e-3)
    huber = loss_data(LossFigure(kind="loss", loss="huber", target=0, delta=2.0))
    assert huber[1][-1] == pytest.approx(4.0)
    grad = loss_data(LossFigure(kind="loss", loss="bce", target=0, derivative=True))
    assert grad[1][-1] == pytest.approx(100.0)


# ------------------------------------------------------------------------------ completeness
def test_every_question_of_the_theme_is_checked_or_listed_as_conceptual():
    checked = (set(NUMERIC) | set(CODE) | set(TRUE_FALSE) | set(FORMULAS) | set(BLANKS)
               | set(MULTIPLE) | set(GRAPHS) | {"lo-bce-grad-wrt-y"})
    assert set(LOSS) == checked | set(CONCEPTUAL)
    assert not checked & set(CONCEPTUAL)
    for qid, x in LOSS.items():
        if x["type"] in ("numeric", "blanks", "graph") or "code" in x:
            assert qid in checked, f"{qid} must be computed, not listed as conceptual"
