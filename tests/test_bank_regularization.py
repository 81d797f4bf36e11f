"""The 正則化・正規化 bank (quiz_data/regularization.yaml): every computable key, computed.

References are the project's core (``normalization``, ``regularization``, ``gradflow``) and,
where cheap, a second hand-written NumPy form or a central difference; the bank's text is
never read for a value. Code snippets' printed outputs are checked by test_bank_code.py;
here each snippet is also checked against the core it imitates, and each distractor is
shown to be the mistake its explanation names.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

import numpy as np
import pytest
from scipy.special import expit
from scipy.stats import uniform

from gradflow import init_bn, overfit
from gradflow.mlp import init_std
from normalization import BatchNormalization
from plots.quiz_figures_unit import init_histograms_data, overfit_data
from quiz.figures_unit import InitHistogramsFigure, OverfitFigure
from regularization import (
    Dropout,
    InvertedDropout,
    early_stopping,
    l1_grad,
    l1_penalty,
    l2_grad,
    l2_penalty,
)

from .test_bank_values import BANK, code_block, quietly, run

MINE = {qid: q for qid, q in BANK.items() if q["theme"] == "regularization"}


def q_(qid: str) -> dict[str, Any]:
    assert MINE[qid]["id"] == qid
    return MINE[qid]


def fill(q: dict[str, Any], entries) -> str:
    """The question's code block with each entry in the blank of the same label."""
    by_label = dict(zip(q["blanks"], entries, strict=True))
    return re.sub(r"（(.{1,3}?)）", lambda m: by_label[m.group(1)].strip("`"), code_block(q))


def filled(check):
    """(q, entries) -> bool from a check of the namespace the filled-in code defines."""
    def works(q, entries) -> bool:
        ns = quietly(lambda: run(fill(q, entries)))
        return ns is not None and bool(quietly(lambda: check(ns)))
    return works


def only_key_works(q: dict[str, Any], works) -> None:
    key = q["answer"]
    assert works(key), f"{q['id']}: the key {key!r} does not work"
    others = [o for o in q["options"] if o != key and works(o)]
    assert not others, f"{q['id']}: {others} work too"


_NUMBER = re.compile(r"[-−]?\d+(?:\.(\d*))?")


def parse(option: str) -> tuple[np.ndarray, float]:
    """Every number an option prints ("[ 0.8  4.  -1.6]", "[1.5] [2.5]", "4 6", "0.29"),
    and half a unit of its finest written digit."""
    found = list(_NUMBER.finditer(option))
    assert found, option
    values = np.array([float(m.group(0).replace("−", "-")) for m in found])
    places = max(len(m.group(1) or "") for m in found)
    return values, 0.5 * 10.0**-places


def value_of(option: str) -> np.ndarray:
    """A distractor's value (it must be an option of one of the bank's questions)."""
    assert any(option in q.get("options", ()) for q in MINE.values()), option
    return parse(option)[0]


def keyed_value(q: dict[str, Any], value, tol: float | None = None) -> None:
    """Single choice of values: the computed value is the key's, to its written precision,
    and no other option's."""
    want = np.ravel(np.asarray(value, float))

    def matches(option):
        v, half = parse(option)
        t = half if tol is None else tol
        return v.shape == want.shape and np.allclose(v, want, rtol=0, atol=t * 1.0001)
    only_key_works(q, matches)


def numeric(q: dict[str, Any], value: float, wrong: list[float]) -> None:
    assert q["type"] == "numeric"
    assert abs(q["answer"] - value) <= q["tolerance"], (q["id"], value)
    for w in wrong:
        assert abs(w - q["answer"]) > q["tolerance"], (q["id"], w)


CHECKED: set[str] = set()


def checks(*ids: str):
    CHECKED.update(ids)
    return lambda fn: fn


# ------------------------------------------------------------------------ dropout

@checks("rg-dropout-infer-trace")
def test_dropout_inference_is_the_textbook_layers():
    q = q_("rg-dropout-infer-trace")
    x = np.array([1.0, 5.0, -2.0])
    want = Dropout(0.2).forward(x, train_flg=False)
    keyed_value(q, want)
    # the distractors: inverted dropout at inference, × ratio, ÷ (1 − ratio)
    assert np.allclose(value_of("[ 1.  5. -2.]"), InvertedDropout(0.2).forward(x, False))
    assert np.allclose(value_of("[ 0.2  1.  -0.4]"), x * 0.2)
    assert np.allclose(value_of("[ 1.25  6.25 -2.5 ]"), x / 0.8)


@checks("rg-dropout-mask-trace")
def test_dropout_mask_keeps_what_exceeds_the_ratio():
    q = q_("rg-dropout-mask-trace")
    np.random.seed(0)
    u = np.random.rand(5)
    # the text's rounded values are the generator's
    assert re.search(" ".join(f"{v:.3f}" for v in u), q["text"])
    x = np.arange(1.0, 6.0)
    keyed_value(q, x * (u > 0.6))
    assert np.allclose(value_of("[1. 0. 0. 4. 5.]"), x * (u < 0.6))
    assert np.allclose(value_of("[0.  5.  7.5 0.  0. ]"), x * (u > 0.6) / 0.4)
    assert np.allclose(value_of("[0.  0.8 1.2 0.  0. ]"), x * (u > 0.6) * 0.4)


@filled
def _dropout_class_ok(ns) -> bool:
    """Drops a share ``ratio`` of units in training (measured) and matches the expected
    value at inference: as the core's Dropout."""
    x = np.linspace(-2.0, 3.0, 200_000)
    for ratio in (0.2, 0.7):
        layer = ns["Dropout"](ratio)
        np.random.seed(1)
        train, infer = layer.forward(x, True), layer.forward(x, False)
        dropped = np.mean(train == 0.0)
        core = Dropout(ratio).forward(x, train_flg=False)
        if abs(dropped - ratio) > 0.01 or not np.allclose(infer, core):
            return False
    return True


@checks("rg-dropout-class-blanks")
def test_dropout_class_blanks():
    q = q_("rg-dropout-class-blanks")
    only_key_works(q, lambda entries: _dropout_class_ok(q, entries))


@filled
def _inverted_ok(ns) -> bool:
    """E[train output] = inference output, over the mask's exact distribution."""
    x = np.array([-1.5, 0.5, 3.0])
    for r in (0.2, 0.5, 0.7):
        kept = ns["forward"](x, np.ones(3), r, True)
        dropped = ns["forward"](x, np.zeros(3), r, True)
        infer = ns["forward"](x, None, r, False)
        expected = (1 - r) * kept + r * dropped
        if not np.allclose(expected, infer):
            return False
        core = InvertedDropout(r)
        if not np.allclose(infer, core.forward(x, False)):
            return False
    return True


@checks("rg-inverted-dropout-blanks")
def test_inverted_dropout_blanks():
    q = q_("rg-inverted-dropout-blanks")
    only_key_works(q, lambda entries: _inverted_ok(q, entries))


@checks("rg-inverted-dropout-value")
def test_inverted_dropout_value():
    layer = InvertedDropout(0.2, rng=0)
    out = layer.forward(np.full(1000, 3.0), train_flg=True)
    kept = out[layer.mask]
    assert np.allclose(kept, kept[0])
    numeric(q_("rg-inverted-dropout-value"), float(kept[0]), [2.4, 15.0, 3.6, 3.0])


# ------------------------------------------------------------------ batch norm

def bn(x, gamma, beta, train=True, **kw):
    layer = BatchNormalization(np.asarray(gamma, float), np.asarray(beta, float), **kw)
    return layer.forward(np.asarray(x, float), train_flg=train), layer


@checks("rg-bn-forward-trace")
def test_bn_forward_trace_is_the_core():
    q = q_("rg-bn-forward-trace")
    x = np.array([[1.0], [3.0]])
    y, _ = bn(x, [2.0], [1.0])
    keyed_value(q, np.round(y.ravel(), 3))
    unbiased = (x - 2) / np.sqrt(np.var(x, ddof=1))
    assert np.allclose(value_of("[-0.414  2.414]"), 2 * unbiased.ravel() + 1, atol=5e-4)
    xn = (x - 2) / 1.0
    assert np.allclose(value_of("[1. 3.]"), (1.0 * xn + 2.0).ravel())
    assert np.allclose(value_of("[-2.  2.]"), (2.0 * xn).ravel())


def _bn_formula(denominator: str, output: str):
    """The blanks' LaTeX transcribed as NumPy (one transcription per entry used)."""
    den = {r"$\sqrt{\sigma_B^2 + \epsilon}$": lambda v, e: np.sqrt(v + e),
           r"$\sigma_B^2 + \epsilon$": lambda v, e: v + e}[denominator]
    out = {r"$\gamma \hat{x}_i + \beta$": lambda xn, g, b: g * xn + b,
           r"$\gamma (\hat{x}_i + \beta)$": lambda xn, g, b: g * (xn + b),
           r"$\hat{x}_i$": lambda xn, g, b: xn}[output]

    def forward(x, g, b, eps):
        mu = x.mean(axis=0)
        var = ((x - mu) ** 2).mean(axis=0)
        return out((x - mu) / den(var, eps), g, b)
    return forward


@checks("rg-bn-formula-blanks")
def test_bn_formula_blanks():
    q = q_("rg-bn-formula-blanks")
    rng = np.random.default_rng(3)
    x = rng.normal(3.0, 2.5, size=(16, 4))
    g, b = np.array([0.5, 2.0, 1.5, 3.0]), np.array([-1.0, 0.3, 2.0, 0.7])
    want, _ = bn(x, g, b)

    def works(entries):
        return np.allclose(_bn_formula(*entries)(x, g, b, 10e-7), want)
    only_key_works(q, works)


@checks("rg-bn-output-value")
def test_bn_output_value():
    x = np.array([[2.0], [4.0], [6.0], [8.0]])
    y, _ = bn(x, [2.0], [0.5], eps=0.0)
    mu, var = 5.0, 5.0
    assert math.isclose(y[3, 0], 2 * 3 / math.sqrt(var) + 0.5)
    unbiased = 2 * (8 - mu) / math.sqrt(20 / 3) + 0.5
    numeric(q_("rg-bn-output-value"), float(y[3, 0]),
            [unbiased, y[3, 0] - 0.5, (8 - mu) / math.sqrt(var), 2 * (8 - mu) / var + 0.5])


@checks("rg-bn-running-trace")
def test_bn_running_mean_is_the_core():
    q = q_("rg-bn-running-trace")
    layer = BatchNormalization(np.ones(1), np.zeros(1))  # the textbook's momentum 0.9
    for mu in (1.0, 2.0):
        layer.forward(np.array([[mu - 1.0], [mu + 1.0]]), train_flg=True)
    keyed_value(q, np.array(round(float(layer.running_mean[0]), 3)))
    # 1.89: PyTorch's reading of "momentum" (weight on the new batch) with 0.9
    swapped = 0.0
    for mu in (1.0, 2.0):
        swapped = 0.1 * swapped + 0.9 * mu
    assert math.isclose(value_of("1.89")[0], swapped)


@checks("rg-bn-running-var-value")
def test_bn_running_var_value():
    layer = BatchNormalization(np.ones(1), np.zeros(1))
    batch = np.array([[-2.0], [2.0]])  # biased variance exactly 4
    for _ in range(3):
        layer.forward(batch, train_flg=True)
    got = float(layer.running_var[0])
    assert math.isclose(got, 4 * (1 - 0.9**3))
    numeric(q_("rg-bn-running-var-value"), got, [4 * (1 - 0.1**3), 0.4, 4 * 0.9**3, 4.0])


# ------------------------------------------------------------ weight decay, L1

@checks("rg-weight-decay-step-trace")
def test_weight_decay_step_is_the_core_gradient():
    q = q_("rg-weight-decay-step-trace")
    W, g, lr, lam = np.array([1.0, -2.0]), np.array([0.5, 0.5]), 0.1, 0.1
    # the L2 gradient against a central difference of the penalty
    h = 1e-6
    numeric_grad = np.array([(l2_penalty(W + h * e, lam) - l2_penalty(W - h * e, lam)) / (2 * h)
                             for e in np.eye(2)])
    assert np.allclose(l2_grad(W, lam), numeric_grad, atol=1e-8)
    keyed_value(q, W - lr * (g + l2_grad(W, lam)))
    assert np.allclose(value_of("[ 0.95 -2.05]"), W - lr * g)
    assert np.allclose(value_of("[ 0.94 -2.04]"), W - lr * (g + l1_grad(W, lam)))
    assert np.allclose(value_of("[ 0.945 -2.04 ]"), W - lr * (g + 0.5 * lam * W))


# ------------------------------------------------------------ early stopping

def no_reset(losses, patience) -> tuple[int, int]:
    """(stop epoch, best epoch), 0-based, of the bug that never resets the count."""
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(losses):
        if loss < best:
            best, best_epoch = loss, epoch
        else:
            wait += 1
            if wait >= patience:
                return epoch, best_epoch
    return len(losses) - 1, best_epoch


@checks("rg-early-stop-trace")
def test_early_stop_trace_is_the_core():
    q = q_("rg-early-stop-trace")
    ns = run(q["code"].replace("print(", "_ = ("))
    stop = early_stopping(ns["val_loss"], patience=ns["patience"])
    assert stop.stopped
    keyed_value(q, np.array([stop.best_epoch, stop.stop_epoch], float))
    # patience 1 stops at the first rise; without stopping it runs to the last epoch
    assert np.allclose(value_of("4 5"), no_reset(ns["val_loss"], 2)[::-1])
    first = early_stopping(ns["val_loss"], patience=1)
    assert np.allclose(value_of("2 3"), [first.best_epoch, first.stop_epoch])
    assert np.allclose(value_of("4 7"), [stop.best_epoch, len(ns["val_loss"]) - 1])


@checks("rg-early-stop-blanks")
def test_early_stop_blanks():
    q = q_("rg-early-stop-blanks")
    rows = [r for r in q["text"].splitlines() if r.startswith("|")]
    epochs = [int(c) for c in rows[0].split("|")[2:-1]]
    losses = [float(c) for c in rows[2].split("|")[2:-1]]
    assert epochs == list(range(1, len(losses) + 1))
    stop = early_stopping(losses, patience=3)
    assert stop.stopped
    assert q["answer"] == [str(stop.stop_epoch + 1), str(stop.best_epoch + 1)]
    # the lesson the explanation draws: a later epoch would have been better still
    assert int(np.argmin(losses)) > stop.stop_epoch
    assert ["10", "10"] in q["options"] and len(losses) == 10
    # without resetting the count on an improvement, it stops one epoch earlier
    assert ["7", "5"] in q["options"]
    assert [e + 1 for e in no_reset(losses, 3)] == [7, 5]


@checks("rg-bn-grad-params-trace")
def test_bn_grad_params_are_the_core_backward():
    q = q_("rg-bn-grad-params-trace")
    x, dout = np.array([[1.0], [3.0]]), np.array([[0.5], [2.0]])
    _, layer = bn(x, [1.7], [0.3])
    layer.backward(dout)
    keyed_value(q, np.round(np.concatenate([layer.dgamma, layer.dbeta]), 3))

    def loss(gamma, beta):
        y, _ = bn(x, [gamma], [beta])
        return float(np.sum(y * dout))
    h = 1e-6
    assert math.isclose(layer.dgamma[0], (loss(1.7 + h, 0.3) - loss(1.7 - h, 0.3)) / (2 * h),
                        rel_tol=1e-6)
    assert math.isclose(layer.dbeta[0], (loss(1.7, 0.3 + h) - loss(1.7, 0.3 - h)) / (2 * h),
                        rel_tol=1e-6)
    assert np.allclose(value_of("[0.75] [1.25]"), [layer.dgamma[0] / 2, layer.dbeta[0] / 2],
                       atol=5e-4)


def _row_means(x):
    return np.array([sum(row) / len(row) for row in x.tolist()])


@checks("rg-layer-norm-trace")
def test_layer_norm_mean_is_per_sample():
    q = q_("rg-layer-norm-trace")
    x = run(q["code"].replace("print(", "_ = ("))["x"]
    keyed_value(q, _row_means(x))
    _, layer = bn(x, np.ones(3), np.zeros(3))
    assert np.allclose(value_of("[2. 3. 7.]"), x - layer.xc)  # batch norm's μ, from the core
    assert np.allclose(value_of("[1. 1. 1.]"), x.std(axis=0))


@checks("rg-norm-axis-blanks")
def test_norm_axis_blanks():
    q = q_("rg-norm-axis-blanks")
    x = np.random.default_rng(5).normal(size=(6, 4)) * 3 + 1  # N != D
    _, layer = bn(x, np.ones(4), np.zeros(4))

    def works(entries):
        ns = quietly(lambda: run(fill(q, entries), x=x))
        if ns is None:
            return False
        bn_mu, ln_mu = np.ravel(ns["mu_bn"]), np.ravel(ns["mu_ln"])
        return (bn_mu.shape == (4,) and np.allclose(bn_mu, (x - layer.xc)[0])
                and ln_mu.shape == (6,) and np.allclose(ln_mu, _row_means(x)))
    only_key_works(q, works)


@checks("rg-penalty-values-trace")
def test_penalty_values_are_the_core():
    q = q_("rg-penalty-values-trace")
    W = run(q["code"].replace("print(", "_ = ("))["W"]
    l2, l1 = l2_penalty(W, 0.1), l1_penalty(W, 0.1)
    keyed_value(q, np.round([l2, l1], 4))
    assert np.allclose(value_of("0.525 0.35"), [2 * l2, l1])
    assert np.allclose(value_of("0.2625 0.15"), [l2, 0.1 * W.sum()])


@checks("rg-weight-decay-blanks")
def test_weight_decay_blanks():
    q = q_("rg-weight-decay-blanks")
    rng = np.random.default_rng(2)
    W, lam, h = rng.normal(size=(3, 2)), 0.07, 1e-6

    def works(entries):
        ns = quietly(lambda: run(fill(q, entries)))
        if ns is None:
            return False

        def penalty(w):
            return ns["loss_with_decay"](0.0, [w], lam)
        numeric_grad = np.zeros_like(W)
        for i in np.ndindex(W.shape):
            e = np.zeros_like(W)
            e[i] = h
            numeric_grad[i] = (penalty(W + e) - penalty(W - e)) / (2 * h)
        grad = ns["grad_with_decay"](np.zeros_like(W), W, lam)
        return (np.allclose(penalty(W), l2_penalty(W, lam))
                and np.allclose(grad, numeric_grad, atol=1e-7)
                and np.allclose(grad, l2_grad(W, lam)))
    only_key_works(q, works)


@checks("rg-decay-shrink-value")
def test_decay_shrink_value():
    w = np.array([1.0])
    for _ in range(100):
        w = w - 0.1 * l2_grad(w, 0.01)
    numeric(q_("rg-decay-shrink-value"), float(w[0]),
            [1 - 100 * 0.001, 0.99**100, (1 - 0.0005) ** 100])


@checks("rg-glorot-uniform-value")
def test_glorot_uniform_limit():
    var = init_std("xavier", 256, 128) ** 2
    a = math.sqrt(3 * var)
    assert math.isclose(uniform(loc=-a, scale=2 * a).var(), var)
    numeric(q_("rg-glorot-uniform-value"), a,
            [math.sqrt(var), math.sqrt(6 / 256), math.sqrt(3 / 384)])


def nearest_option(q: dict[str, Any], value: float) -> str:
    """The option "約 X 倍" (or a plain number) nearest to ``value``, on a log scale."""
    def number(o):
        return float(re.sub(r"[^0-9.]", "", o))
    return min(q["options"], key=lambda o: abs(math.log(number(o) / value)))


@checks("rg-init-std1-preact")
def test_std1_preactivation_spread():
    q = q_("rg-init-std1-preact")
    run_ = init_bn.forward(init_bn.Setting("sigmoid", "std1"))  # the lab's first layer
    measured = float(run_.pre[0].std())
    assert abs(measured - math.sqrt(100 * 1.0 * 1.0)) < 0.5
    assert nearest_option(q, measured) == q["answer"]
    assert float(expit(5.0)) > 0.99  # the explanation's σ(5)


@checks("rg-init-tanh-small-factor")
def test_tanh_small_weights_shrink_tenfold_per_layer():
    q = q_("rg-init-tanh-small-factor")
    result = init_bn.experiment(init_bn.Setting("tanh", "std001"))
    assert result.reading == "vanish"  # the page: ×0.1 per layer, the signal vanishes
    assert nearest_option(q, result.growth) == q["answer"]
    assert abs(result.growth - 0.01 * math.sqrt(100)) < 0.01
    stds = [layer.std for layer in result.layers]
    assert round(math.log10(stds[-1] / stds[0])) == -4 and round(math.log10(stds[-1])) == -5
    xavier = init_bn.experiment(init_bn.Setting("tanh", "xavier")).growth
    assert 0.8 < xavier < 0.9  # "0.85 倍ほど"


@checks("rg-init-relu-std1-growth")
def test_relu_std1_grows_sqrt50_per_layer():
    q = q_("rg-init-relu-std1-growth")
    result = init_bn.experiment(init_bn.Setting("relu", "std1"))
    assert result.reading == "explode"
    assert nearest_option(q, result.growth) == q["answer"]
    assert nearest_option(q, math.sqrt(100 / 2)) == q["answer"]
    he = init_bn.experiment(init_bn.Setting("relu", "he")).growth
    assert abs(he - 1) < 0.1


@checks("rg-bn-inference")
def test_bn_on_one_sample_in_training_mode_outputs_beta():
    """The explanation's reason: one sample's own statistics give x − μ = 0."""
    y, _ = bn(np.array([[3.0, -7.0]]), [2.0, 5.0], [0.25, -1.0])
    assert np.allclose(y, [[0.25, -1.0]])
    layer = BatchNormalization(np.ones(2), np.zeros(2))
    for seed in range(50):
        layer.forward(np.random.default_rng(seed).normal(4.0, 2.0, size=(32, 2)))
    y1 = layer.forward(np.array([[4.0, 6.0]]), train_flg=False)
    assert np.allclose(y1, (np.array([[4.0, 6.0]]) - layer.running_mean)
                       / np.sqrt(layer.running_var + 10e-7))
    assert not np.allclose(y1, 0.0)


@checks("rg-bn-effects-inappropriate")
def test_bn_inference_ignores_the_batch_and_training_ignores_the_weight_scale():
    rng = np.random.default_rng(8)
    layer = BatchNormalization(np.full(3, 1.5), np.full(3, 0.2))
    for _ in range(20):
        layer.forward(rng.normal(1.0, 3.0, size=(16, 3)))
    sample = np.array([[0.5, -1.0, 2.0]])
    alone = layer.forward(sample, train_flg=False)
    among = layer.forward(np.vstack([sample, rng.normal(size=(7, 3)) * 10]), train_flg=False)
    assert np.allclose(alone[0], among[0])
    # in training, the same sample's output depends on its batch-mates (the noise)
    first, _ = bn(np.vstack([sample, rng.normal(size=(7, 3))]), np.ones(3), np.zeros(3))
    second, _ = bn(np.vstack([sample, rng.normal(size=(7, 3))]), np.ones(3), np.zeros(3))
    assert not np.allclose(first[0], second[0])
    # scaling the weights before it changes nothing (up to ε)
    x, W = rng.normal(size=(32, 4)), rng.normal(size=(4, 3))
    assert np.allclose(bn(x @ W, np.ones(3), np.zeros(3))[0],
                       bn(x @ (W * 7.0), np.ones(3), np.zeros(3))[0], atol=1e-5)


@checks("rg-bn-bias-redundant")
def test_bn_cancels_the_bias_before_it():
    q = q_("rg-bn-bias-redundant")
    rng = np.random.default_rng(9)
    x, W = rng.normal(size=(10, 4)), rng.normal(size=(4, 3))
    g, b = np.array([1.2, 0.7, 2.0]), np.array([0.1, -0.4, 0.3])
    plain, _ = bn(x @ W, g, b)
    biased, _ = bn(x @ W + np.array([5.0, -3.0, 0.25]), g, b)
    assert np.allclose(plain, biased) is q["answer"]


@checks("rg-bn-backward-sum-zero")
def test_bn_input_gradient_sums_to_zero():
    q = q_("rg-bn-backward-sum-zero")
    rng = np.random.default_rng(10)
    for m in (2, 5, 32):
        x, dout = rng.normal(2.0, 3.0, size=(m, 3)), rng.normal(size=(m, 3)) * 4
        _, layer = bn(x, np.array([0.5, 2.0, 1.3]), np.zeros(3))
        dx = layer.backward(dout)
        assert np.allclose(dx.sum(axis=0), 0.0, atol=1e-9) is q["answer"]
        # the explanation's closed form is the core's backward
        g, sigma, xn = layer.gamma, layer.std, layer.xn
        closed = g / (m * sigma) * (m * dout - dout.sum(axis=0)
                                    - xn * (dout * xn).sum(axis=0))
        assert np.allclose(dx, closed)


@checks("rg-dropout-backward")
def test_dropout_backward_is_the_mask():
    q = q_("rg-dropout-backward")
    layer = Dropout(0.4, rng=3)
    x = np.random.default_rng(4).normal(size=(5, 6))
    layer.forward(x, train_flg=True)
    dout = np.random.default_rng(5).normal(size=x.shape)
    # the Jacobian of x ↦ x * mask, by central differences of Σ dout·y
    h = 1e-6
    numeric_dx = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        numeric_dx[i] = (np.sum(dout * (x + e) * layer.mask)
                         - np.sum(dout * (x - e) * layer.mask)) / (2 * h)
    assert np.allclose(layer.backward(dout), numeric_dx)

    def works(option):
        got = eval(option.strip("`"), {"np": np}, {"self": layer, "dout": dout})
        return np.shape(got) == x.shape and np.allclose(got, numeric_dx)
    only_key_works(q, works)


@checks("rg-init-symmetric")
def test_equal_weights_stay_equal_under_backprop():
    q = q_("rg-init-symmetric")
    rng = np.random.default_rng(6)
    x, t = rng.normal(size=(20, 3)), rng.normal(size=(20, 1))
    W1, W2 = np.full((3, 4), 0.5), np.full((4, 1), 0.5)
    for _ in range(200):
        a = expit(x @ W1)
        y = a @ W2
        dy = (y - t) / len(x)
        dW2 = a.T @ dy
        dW1 = x.T @ ((dy @ W2.T) * a * (1 - a))
        W1, W2 = W1 - 0.5 * dW1, W2 - 0.5 * dW2
    assert not np.allclose(W1, 0.5)  # it did learn
    split = not (np.allclose(W1, W1[:, :1]) and np.allclose(W2, W2[0]))
    assert split is q["answer"]


@functools.cache
def _fit(method: str, strength: float) -> overfit.OverfitRun:
    return overfit.train(overfit.OverfitConfig(method, strength))


@pytest.fixture(scope="module")
def lab_runs():
    """The /regularization lab's runs (gradflow.overfit at the page's defaults)."""
    offered = [("none", 0.0)] + [(m, float(s)) for m in ("l2", "l1") for s in overfit.OFFERED[m]]
    return {key: _fit(*key) for key in offered}


@checks("rg-overfit-signs")
def test_overfit_signs_are_the_labs(lab_runs):
    none = lab_runs[("none", 0.0)]
    best = int(np.argmin(none.val_loss))
    assert best + 1 == 57 and round(float(none.val_loss[best]), 2) == 0.23
    assert round(float(none.val_loss[-1]), 2) == 0.39
    assert round(float(none.train_loss[-1]), 2) == 0.04
    assert none.train_loss[-1] < none.train_loss[best]  # training keeps falling
    assert none.stop(patience=10).best_epoch == best  # early stopping keeps that epoch
    # too strong a penalty: both stay high (the underfit distractor)
    strong = lab_runs[("l2", 0.03)]
    assert strong.train_loss[-1] > 5 * none.train_loss[-1]
    assert strong.val_loss[-1] > none.val_loss[best]
    assert abs(strong.val_loss[-1] - strong.train_loss[-1]) < 0.05


@checks("rg-l1-sparsity-reason", "rg-l2-sparse-truefalse")
def test_l1_zeroes_more_weights_than_l2_in_the_lab(lab_runs):
    l1, l2 = lab_runs[("l1", 0.003)], lab_runs[("l2", 0.003)]
    assert round(l1.near_zero, 1) == 0.8 and round(l2.near_zero, 2) == 0.02
    assert overfit.NEAR_ZERO == 0.01
    for lam in overfit.OFFERED["l1"]:
        more = lab_runs[("l1", lam)].near_zero > lab_runs[("l2", lam)].near_zero
        assert more is not q_("rg-l2-sparse-truefalse")["answer"]
    # the gradients the key names: L1's keeps its size near 0, L2's vanishes
    w = np.array([1e-3, -1e-4, 1e-6])
    assert np.allclose(np.abs(l1_grad(w, 0.1)), 0.1) and np.all(np.abs(l2_grad(w, 0.1)) < 1e-3)


@checks("rg-noise-injection")
def test_input_noise_adds_an_l2_term_for_a_linear_model():
    q = q_("rg-noise-injection")
    rng = np.random.default_rng(12)
    w, x, t, s = np.array([1.5, -2.0, 0.5]), np.array([0.3, 1.0, -0.7]), 0.4, 0.05
    eps = rng.normal(scale=s, size=(400_000, 3))
    noisy = np.mean(((x + eps) @ w - t) ** 2)
    clean = (x @ w - t) ** 2
    assert math.isclose(noisy - clean, s**2 * np.sum(w**2), rel_tol=0.05) is q["answer"]


@checks("rg-bn-small-batch")
def test_bn_on_two_samples_gives_plus_minus_one():
    q = q_("rg-bn-small-batch")
    assert "**2**" in q["text"]
    rng = np.random.default_rng(13)
    for _ in range(20):
        x = rng.normal(0.0, 5.0, size=(2, 4))
        _, layer = bn(x, np.ones(4), np.zeros(4))
        assert np.allclose(np.sort(layer.xn, axis=0), [[-1.0] * 4, [1.0] * 4], atol=1e-3)
        layer.backward(rng.normal(size=(2, 4)))
        assert np.all(np.abs(layer.dbeta) > 0) and np.all(np.abs(layer.dgamma) > 0)
    # the distractors: a batch of one gives 0; a larger difference gives the same ±1
    _, one = bn(np.array([[3.0, -2.0]]), np.ones(2), np.zeros(2))
    assert np.allclose(one.xn, 0.0)
    _, near = bn(np.array([[0.0], [0.1]]), np.ones(1), np.zeros(1))
    _, far = bn(np.array([[0.0], [100.0]]), np.ones(1), np.zeros(1))
    assert np.allclose(np.abs(far.xn), 1.0) and np.allclose(np.abs(near.xn), 1.0, atol=1e-3)
    _, equal = bn(np.array([[2.5], [2.5]]), np.ones(1), np.zeros(1))  # the key's exception
    assert np.allclose(equal.xn, 0.0)


# ------------------------------------------------------------------ graph questions

def fit(spec: dict[str, Any]) -> overfit.OverfitRun:
    """The run an `overfit` figure draws (the lab's defaults at the spec's setting)."""
    assert spec["kind"] == "overfit"
    return _fit(spec["method"], float(spec.get("strength", 0.0)))


def hist(spec: dict[str, Any]) -> init_bn.Result:
    """The experiment an `init_histograms` figure draws."""
    assert spec["kind"] == "init_histograms"
    return _experiment(init_bn.Setting(spec["activation"], spec["init"],
                                       spec.get("batchnorm", False), spec.get("layers", 5)))


_experiment = functools.cache(init_bn.experiment)


def only_key_has(q: dict[str, Any], prop) -> None:
    """The keyed figure has the property the question asks about, and no other option."""
    assert q["type"] == "graph"
    having = [o for o in q["options"] if prop(o)]
    assert having == [q["answer"]], f"{q['id']}: {having}"


def rises(run: overfit.OverfitRun) -> float:
    """How far the validation loss climbs from its lowest point to the last epoch."""
    return float(run.val_loss[-1] - run.val_loss.min())


def best_epoch(run: overfit.OverfitRun) -> int:
    return int(np.argmin(run.val_loss)) + 1  # 1-based, as the text counts


def by_setting(q: dict[str, Any], **setting) -> dict[str, Any]:
    found = [o for o in q["options"]
             if all(o.get(k, {"strength": 0, "batchnorm": False}.get(k)) == v
                    for k, v in setting.items())]
    assert len(found) == 1, (q["id"], setting)
    return found[0]


@checks("rg-graph-overfit-none")
def test_graph_overfit_none():
    q = q_("rg-graph-overfit-none")
    # overfitting: the validation loss climbs far from its bottom while training keeps falling
    only_key_has(q, lambda o: rises(fit(o)) > 0.1 and fit(o).train_loss[-1] < 0.05)
    none = fit(q["answer"])
    assert 40 <= best_epoch(none) <= 70  # "50 エポックあたりを底に"
    l2 = fit(by_setting(q, method="l2", strength=0.003))
    assert round(float(l2.train_loss[-1]), 1) == 0.1 and best_epoch(l2) > 450
    strong = fit(by_setting(q, method="l2", strength=0.03))
    assert abs(strong.val_loss[-1] - strong.train_loss[-1]) < 0.02
    assert strong.train_loss[-1] > 5 * none.train_loss[-1]
    l1 = fit(by_setting(q, method="l1", strength=0.01))
    assert rises(l1) < 0.03 and l1.train_loss[-1] > 0.2


@checks("rg-graph-overfit-strong-l2")
def test_graph_strong_l2_underfits():
    q = q_("rg-graph-overfit-strong-l2")
    key = fit(q["answer"])
    others = [fit(o) for o in q["options"] if o != q["answer"]]
    # the key's training loss stays high: more than twice every other run's at the end
    only_key_has(q, lambda o: all(fit(o).train_loss[-1] > 2.5 * r.train_loss[-1]
                                  for r in [fit(p) for p in q["options"]] if r is not fit(o)))
    assert abs(key.val_loss[-1] - key.train_loss[-1]) < 0.02  # the two curves meet
    assert key.train_loss[-1] > key.train_loss.min() + 0.05  # rises again as weights shrink
    assert key.val_loss.min() > min(r.val_loss.min() for r in others)
    none = fit(by_setting(q, method="none"))
    assert rises(none) > 0.1 and none.train_loss[-1] < 0.05
    weak = fit(by_setting(q, method="l2", strength=0.001))
    assert 0.02 < rises(weak) < 0.05 and weak.train_loss[-1] < 0.1
    l1 = fit(by_setting(q, method="l1", strength=0.003))
    assert round(float(l1.train_loss[-1]), 1) == 0.1 and best_epoch(l1) > 400


@checks("rg-graph-gap-l2")
def test_graph_gap_shrinks_with_lambda():
    q = q_("rg-graph-gap-l2")
    assert all(o["view"] == "gap" for o in q["options"])

    def gap(o):
        run = fit(o)
        return run.val_loss - run.train_loss
    # the keyed gap is the smallest of the four over the whole second half of training
    only_key_has(q, lambda o: all(np.all(gap(o)[250:] < gap(p)[250:])
                                  for p in q["options"] if p != o))
    ends = {o["strength"]: float(gap(o)[-1]) for o in q["options"]}
    assert sorted(ends, key=ends.get, reverse=True) == [0.001, 0.003, 0.01, 0.03]
    assert (round(ends[0.001], 1), round(ends[0.003], 1), round(ends[0.01], 2)) == (0.2, 0.1, 0.05)
    assert ends[0.03] < 0.01
    strongest = gap(q["answer"])
    assert 0.025 < strongest[10:].max() < 0.035  # "最大でも 0.03 ほど" past the first epochs
    assert strongest[:10].max() > 0.1  # the early swing the figure leaves out
    assert fit(q["answer"]).val_loss[-1] > fit(by_setting(q, strength=0.003)).val_loss[-1]


@checks("rg-graph-early-stop-late")
def test_graph_early_stop_late():
    q = q_("rg-graph-early-stop-late")
    only_key_has(q, lambda o: best_epoch(fit(o)) > 400)
    assert all(best_epoch(fit(o)) < 100 for o in q["options"] if o != q["answer"])
    assert 40 <= best_epoch(fit(by_setting(q, method="none"))) <= 70
    assert 35 <= best_epoch(fit(by_setting(q, method="dropout"))) <= 70
    assert rises(fit(by_setting(q, method="dropout"))) > 0.1
    assert best_epoch(fit(by_setting(q, method="l2", strength=0.03))) <= 12
    # the lab's own rule agrees: early stopping with its longest patience keeps that epoch
    key = fit(q["answer"])
    assert key.stop(patience=max(overfit.OFFERED["early"])).best_epoch + 1 == best_epoch(key)
    assert 460 <= best_epoch(key) <= 500  # "480 エポックあたり"
    assert rises(key) < 0.005


@checks("rg-graph-l1-strong")
def test_graph_l1_strongest():
    q = q_("rg-graph-l1-strong")
    only_key_has(q, lambda o: fit(o).train_loss[-1] > 0.2)
    key = fit(q["answer"])
    assert abs(key.val_loss[-1] - key.train_loss[-1]) < 0.1
    finals = [fit(o).train_loss[-1] for o in q["options"]]
    assert finals == sorted(finals)  # options listed by λ: the training loss rises with it
    mid = fit(by_setting(q, method="l1", strength=0.003))
    assert round(float(mid.train_loss[-1]), 1) == 0.1 and best_epoch(mid) > 400
    weak = fit(by_setting(q, method="l1", strength=0.001))
    assert rises(weak) < 0.03 and weak.train_loss[-1] < 0.1
    assert rises(fit(by_setting(q, method="none"))) > 0.1


def edges_share(result: init_bn.Result) -> float:
    """Mean share of outputs near the ends of a bounded activation, over the layers."""
    return float(np.mean([s.near_ends for s in result.layers]))


@checks("rg-graph-bn-tanh")
def test_graph_bn_tanh():
    q = q_("rg-graph-bn-tanh")
    key = hist(q["answer"])
    # batch norm: every layer's histogram the same (and the same whatever the initial scale)
    only_key_has(q, lambda o: hist(o).reading == "spread"
                 and all(np.allclose(h.share, hist(o).histograms[0].share, atol=0.01)
                         for h in hist(o).histograms))
    for init in init_bn.INITS:
        other = hist({**q["answer"], "init": init})
        assert all(np.allclose(a.share, b.share, atol=0.002)
                   for a, b in zip(key.histograms, other.histograms, strict=True))
    # "両端にも少し山": the bins at ±0.9 hold more than the bin at 0
    share, edges = key.histograms[2].share, key.histograms[2].edges
    at = lambda v: share[np.searchsorted(edges, v) - 1]  # noqa: E731
    assert at(0.9) > at(0.01) and at(-0.9) > at(0.01)
    assert hist(by_setting(q, init="std1", batchnorm=False)).reading == "saturate"
    assert hist(by_setting(q, init="std001")).reading == "vanish"  # tanh: ×0.1 per layer
    xavier = hist(by_setting(q, init="xavier"))
    assert abs(xavier.layers[0].std - key.layers[0].std) < 0.01
    assert [s.std for s in xavier.layers] == sorted((s.std for s in xavier.layers), reverse=True)


@checks("rg-graph-bn-sigmoid-small")
def test_graph_bn_sigmoid_small():
    q = q_("rg-graph-bn-sigmoid-small")
    key = hist(q["answer"])
    only_key_has(q, lambda o: hist(o).reading == "spread"
                 and min(s.std for s in hist(o).layers) > 0.18)
    run_ = init_bn.forward(key.setting)
    for a in run_.post:
        lo, hi = np.percentile(a, [2.5, 97.5])
        assert abs(a.mean() - 0.5) < 0.01 and 0.08 < lo < 0.15 and 0.85 < hi < 0.92
    assert hist(by_setting(q, init="std001", batchnorm=False)).reading == "collapse"
    assert hist(by_setting(q, init="std1")).reading == "saturate"
    xavier = hist(by_setting(q, init="xavier"))
    assert abs(xavier.layers[0].std - key.layers[0].std) < 0.01
    assert all(s.std < 0.7 * key.layers[0].std for s in xavier.layers[1:])


@checks("rg-graph-tanh-saturate")
def test_graph_tanh_saturate():
    q = q_("rg-graph-tanh-saturate")
    only_key_has(q, lambda o: hist(o).reading == "saturate")
    key = hist(q["answer"])
    assert min(s.near_ends for s in key.layers) > 0.8
    he = hist(by_setting(q, activation="tanh", init="he"))
    assert he.layers[0].near_ends > 0.4
    # deep layers almost flat over (−1, 1): a uniform spread puts 20 % within 10 % of the ends
    assert abs(he.layers[-1].near_ends - 0.2) < 0.04
    inner = he.histograms[-1].share[2:-2]
    assert inner.max() < 1.3 * inner.min()
    sig = hist(by_setting(q, activation="sigmoid"))
    assert sig.reading == "spread" and max(s.near_ends for s in sig.layers) < 0.05
    assert hist(by_setting(q, activation="relu")).reading == "keep"


@checks("rg-graph-tanh-collapse")
def test_graph_tanh_collapse():
    q = q_("rg-graph-tanh-collapse")
    # the spread shrinks ×0.1 a layer onto one value (the page reads it as vanishing), and
    # that value is 0
    only_key_has(q, lambda o: hist(o).reading == "vanish"
                 and abs(hist(o).layers[-1].mean) < 0.01)
    key = hist(q["answer"])
    assert abs(key.growth - 0.1) < 0.01
    assert hist(by_setting(q, init="xavier")).reading == "spread"
    assert hist(by_setting(q, init="std1", batchnorm=False)).reading == "saturate"
    normed = hist(by_setting(q, init="std1", batchnorm=True))
    small_normed = hist({**q["answer"], "batchnorm": True})
    assert normed.reading == "spread"
    assert all(np.allclose(a.share, b.share, atol=0.002)
               for a, b in zip(normed.histograms, small_normed.histograms, strict=True))


@checks("rg-graph-bn-relu-small")
def test_graph_bn_relu_small():
    q = q_("rg-graph-bn-relu-small")

    def same_every_layer(o):
        _, shares, _ = init_histograms_data(figure(o))
        return all(np.allclose(row, shares[0], atol=0.01) for row in shares)
    only_key_has(q, same_every_layer)
    edges, _, _ = init_histograms_data(figure(q["answer"]))
    assert 2.5 < edges[-1] < 3.5  # "0 から 3 ほどまで"
    assert abs(hist(q["answer"]).growth - 1) < 0.02
    small = hist(by_setting(q, init="std001", batchnorm=False))
    assert small.reading == "vanish" and abs(small.growth - 0.01 * math.sqrt(50)) < 0.01
    assert hist(by_setting(q, init="xavier")).reading == "shrink"
    big = hist(by_setting(q, init="std1"))
    assert big.reading == "explode" and round(big.growth) == 7


def figure(spec: dict[str, Any]):
    return InitHistogramsFigure.model_validate(spec)


def test_the_page_draws_the_loss_curves_checked_here():
    """Every overfit figure of the bank: the page's curves are the runs checked above."""
    specs = [o for q in MINE.values() if q["type"] == "graph" for o in q["options"]
             if o["kind"] == "overfit"]
    assert specs
    for spec in specs:
        epochs, train, val, best = overfit_data(OverfitFigure.model_validate(
            {**spec, "early_stopping": True}))
        run_ = fit(spec)
        assert np.array_equal(train, run_.train_loss) and np.array_equal(val, run_.val_loss)
        assert best == best_epoch(run_) and epochs[0] == 1


def test_the_page_draws_the_histograms_checked_here():
    """Every init_histograms figure of the bank: the page's data are gradflow.init_bn's."""
    specs = [o for q in MINE.values() if q["type"] == "graph" for o in q["options"]
             if o["kind"] == "init_histograms"]
    assert specs
    for spec in specs:
        edges, shares, zeros = init_histograms_data(figure(spec))
        result = hist(spec)
        assert np.allclose(zeros, [h.zero_share for h in result.histograms])
        if spec["activation"] != "relu":
            assert np.allclose(edges, result.histograms[0].edges)
            assert np.allclose(shares, [h.share for h in result.histograms])


# ------------------------------------------------------------ completeness

CONCEPTUAL: dict[str, str] = {
    # id: why nothing on it can be computed
    "rg-bn-placement": "where the textbook and the paper put the layer: a fact of the sources",
    "rg-layer-norm-concept": "definitions (which axis is computed in rg-norm-axis-blanks)",
    "rg-regularizers-multiple": "which methods count as regularisation: definitions",
    "rg-early-stop-data": "which data set decides: a rule of method, not a value",
    "rg-augmentation-inappropriate": "which transformations keep a digit's label: domain fact",
}


def test_every_question_is_checked_or_listed_as_conceptual():
    unchecked = sorted(set(MINE) - CHECKED - set(CONCEPTUAL))
    assert not unchecked, f"neither checked nor listed as conceptual: {unchecked}"
    must_compute = {qid for qid, q in MINE.items()
                    if q["type"] in ("numeric", "blanks", "graph") or "code" in q}
    assert not must_compute & set(CONCEPTUAL), must_compute & set(CONCEPTUAL)
    assert set(CONCEPTUAL) <= set(MINE)
    assert all(qid.startswith("rg-") for qid in MINE)
