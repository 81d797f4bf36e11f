"""Every computable key of the multi-blank (type: blanks) questions is computed here.

- code fill-ins: the class shown is run with each option's entries in its blanks; the keyed
  option must reproduce the reference (central differences or ``activations``) and no other;
- values: the keyed entries match the computed values to the precision they are written in;
- formulas: each option's entries, transcribed as NumPy, are compared on a sample.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import activations as act
from gradflow.mlp import init_std
from quiz.themes import UNIT_THEMES

from . import bank_refs_backprop as bp
from .test_bank_values import (
    BANK,
    DOUT,
    X,
    assert_only_the_key_works,
    code_block,
    parse_option,
    quietly,
    run,
)

# the unit's themes (issues 17, 18) are checked in tests/test_bank_<theme>.py
BLANKS_Q = {qid: q for qid, q in BANK.items()
            if q["type"] == "blanks" and q["theme"] not in UNIT_THEMES}


def fill_blanks(q: dict[str, Any], entries: list[str]) -> str:
    """The question's code with each entry in the blank of the same label."""
    by_label = dict(zip(q["blanks"], entries, strict=True))
    return re.sub(r"（(.{1,3}?)）", lambda m: by_label[m.group(1)].strip("`"), code_block(q))


# --------------------------------------------------------------- code fill-ins

ALPHA = 0.3


def _leaky_ok(q, entries) -> bool:
    ns = quietly(lambda: run(fill_blanks(q, entries)))
    if ns is None:
        return False

    def forward_backward():
        layer = ns["LeakyRelu"](alpha=ALPHA)
        return layer.forward(X.copy()), layer.backward(DOUT.copy())

    got = quietly(forward_backward)
    return (
        got is not None
        and np.allclose(got[0], act.leaky_relu(X, alpha=ALPHA))
        and np.allclose(got[1], act.leaky_relu_grad(X, alpha=ALPHA) * DOUT)
    )


def _elu_ok(q, entries) -> bool:
    ns = quietly(lambda: run(fill_blanks(q, entries)))
    if ns is None:
        return False

    def forward_backward():
        layer = ns["Elu"](alpha=1.5)
        return layer.forward(X.copy()), layer.backward(DOUT.copy())

    got = quietly(forward_backward)
    return (
        got is not None
        and np.allclose(got[0], act.elu(X, alpha=1.5))
        and np.allclose(got[1], act.elu_grad(X, alpha=1.5) * DOUT)
    )


def _softmax_backward_ok(q, entries) -> bool:
    """dx against central differences of sum(dout * softmax(x)) row by row, N != C and N == C."""
    ns = quietly(lambda: run(fill_blanks(q, entries)))
    if ns is None:
        return False
    rng = np.random.default_rng(11)
    for shape in ((3, 4), (3, 3)):
        x, dout = rng.normal(size=shape) * 2, rng.normal(size=shape)

        def backward(x=x, dout=dout):
            layer = ns["Softmax"]()
            layer.forward(x.copy())
            return layer.backward(dout.copy())

        got = quietly(backward)
        want = np.array([bp.softmax_vjp(row, g) for row, g in zip(x, dout, strict=True)])
        if got is None or np.shape(got) != want.shape or not np.allclose(got, want, atol=1e-7):
            return False
    return True


def _sigmoid_with_loss_ok(q, entries) -> bool:
    """dx against central differences of the batch-mean binary cross-entropy in the logits."""
    ns = quietly(lambda: run("class Layer:\n    pass\n\n" + fill_blanks(q, entries)))
    if ns is None:
        return False
    a, t = np.array([-2.0, 0.3, 1.5, 4.0]), np.array([1.0, 0.0, 1.0, 0.0])

    def loss(z):
        return sum(bp.bce_with_logits(v, w) for v, w in zip(z, t, strict=True)) / len(z)

    layer = ns["Layer"]()
    layer.y, layer.t = act.sigmoid(a), t
    got = quietly(lambda: ns["backward"](layer))
    return got is not None and np.allclose(got, bp.numeric_grad(loss, a), atol=1e-7)


CODE_FILL: dict[str, Callable[[dict[str, Any], list[str]], bool]] = {
    "im-leaky-layer-blanks": _leaky_ok,
    "im-elu-layer-blanks": _elu_ok,
    "im-softmax-backward-blanks": _softmax_backward_ok,
    "im-sigmoid-with-loss-blanks": _sigmoid_with_loss_ok,
}


@pytest.mark.parametrize("qid", sorted(CODE_FILL))
def test_code_blanks_only_the_key_works(qid):
    assert_only_the_key_works(BANK[qid], CODE_FILL[qid])


# --------------------------------------------------------------------- values


def _sigmoid_grad_from_output(p: float) -> float:
    return float(act.sigmoid_grad(math.log(p / (1 - p))))


# id -> {blank index: computed value}
BLANK_VALUES: dict[str, Callable[[], dict[int, float]]] = {
    "rs-depth-product-blanks": lambda: {
        0: float(act.relu_grad(1.0)),
        1: float(np.max(act.sigmoid_grad(np.linspace(-8, 8, 16001)))),
        2: float(np.max(act.sigmoid_grad(np.linspace(-8, 8, 16001)))) ** 10,
    },
    "rs-saturation-values-blanks": lambda: {
        0: _sigmoid_grad_from_output(0.99),
        1: _sigmoid_grad_from_output(0.5),
    },
    "sm-ce-grad-blanks": lambda: {
        0: bp.cross_entropy([0.6, 0.3, 0.1], 1),
        1: bp.numeric_grad(
            lambda z: bp.cross_entropy(bp.softmax_mp(z), 1), np.log([0.6, 0.3, 0.1])
        )[1],
    },
    "vg-weights-chain-blanks": lambda: {
        0: float(act.sigmoid_grad(0.0)) ** 3,
        1: float(2.0 * act.sigmoid_grad(0.0)) ** 3,
    },
}


def _entry_matches(entry: str, value: float) -> bool:
    parsed, half_unit = parse_option(entry)
    return abs(float(parsed) - value) <= half_unit + 1e-12


@pytest.mark.parametrize("qid", sorted(BLANK_VALUES))
def test_value_blanks(qid):
    q, values = BANK[qid], BLANK_VALUES[qid]()
    for i, v in values.items():
        assert _entry_matches(q["answer"][i], v), (
            f"{qid}: blank {i} keyed {q['answer'][i]} but computed {v}"
        )
    # every other option is wrong in some computed blank (all their blanks are values)
    for o in q["options"]:
        if o != q["answer"]:
            assert not all(_entry_matches(o[i], v) for i, v in values.items()), (qid, o)


def test_init_blanks_standard_deviations():
    """vg-init-blanks: Xavier 1/sqrt(n) (Glorot with n_in = n_out) and He sqrt(2/n)."""
    q = BANK["vg-init-blanks"]
    n = 64
    formula = {
        r"$1/\sqrt{n}$": 1 / math.sqrt(n),
        r"$\sqrt{2/n}$": math.sqrt(2 / n),
        "$1/n$": 1 / n,
        "$2/n$": 2 / n,
    }
    assert formula[q["answer"][1]] == pytest.approx(init_std("xavier", n, n))
    assert formula[q["answer"][2]] == pytest.approx(init_std("he", n, n))
    wrong_numbers = [o for o in q["options"] if o[1:] != q["answer"][1:]]
    for o in wrong_numbers:
        assert (formula[o[1]], formula[o[2]]) != pytest.approx(
            (init_std("xavier", n, n), init_std("he", n, n))
        )


# ------------------------------------------------------------------ formulas

A = np.linspace(-30.0, 30.0, 121)
ROWS = np.random.default_rng(12).normal(size=(5, 4)) * 3.0


def _rows_lse(x):
    return np.log(np.sum(np.exp(x), axis=1, keepdims=True))


# id -> (reference on the sample, {entry text: its value on the sample}, blank index)
FORMULA_BLANKS: dict[str, tuple[np.ndarray, dict[str, Callable[[], np.ndarray]], int]] = {
    "rs-bce-stable-blanks": (
        np.log1p(np.exp(A)) - np.log1p(np.exp(-np.abs(A))),  # what (ア) must equal
        {
            r"$\max(a, 0)$": lambda: np.maximum(A, 0),
            r"$|a|$": lambda: np.abs(A),
            r"$\min(a, 0)$": lambda: np.minimum(A, 0),
        },
        0,
    ),
    "sm-log-softmax-blanks": (
        ROWS - act.log_softmax(ROWS, axis=1),  # what (ア) must equal
        {
            r"$\log \sum_j e^{x_j}$": lambda: np.broadcast_to(_rows_lse(ROWS), ROWS.shape),
            r"$\max_j x_j$": lambda: np.broadcast_to(ROWS.max(axis=1, keepdims=True), ROWS.shape),
            r"$\sum_j e^{x_j}$": lambda: np.broadcast_to(np.exp(_rows_lse(ROWS)), ROWS.shape),
        },
        0,
    ),
}


@pytest.mark.parametrize("qid", sorted(FORMULA_BLANKS))
def test_formula_blanks(qid):
    q = BANK[qid]
    want, entries, i = FORMULA_BLANKS[qid]
    assert {o[i] for o in q["options"]} == set(entries), f"{qid}: transcription out of date"
    assert np.allclose(entries[q["answer"][i]](), want), f"{qid}: keyed entry is not the formula"
    others = [e for e in entries if e != q["answer"][i] and np.allclose(entries[e](), want)]
    assert not others


def test_log_softmax_second_blank():
    """sm-log-softmax-blanks (イ): log Σ e^{x_j} = c + log Σ e^{x_j − c}, and not with + c."""
    q = BANK["sm-log-softmax-blanks"]
    c = ROWS.max(axis=1, keepdims=True)
    second = {
        r"$\log \sum_j e^{x_j - c}$": c + np.log(np.sum(np.exp(ROWS - c), axis=1, keepdims=True)),
        r"$\log \sum_j e^{x_j + c}$": c + np.log(np.sum(np.exp(ROWS + c), axis=1, keepdims=True)),
        r"$\sum_j e^{x_j - c}$": c + np.sum(np.exp(ROWS - c), axis=1, keepdims=True),
    }
    assert {o[1] for o in q["options"]} == set(second)
    right = [e for e, v in second.items() if np.allclose(v, _rows_lse(ROWS))]
    assert right == [q["answer"][1]]


def test_jacobian_blanks():
    q = BANK["sm-jacobian-blanks"]
    x = np.array([0.3, -1.2, 2.0, 0.5])
    s = act.softmax(x)
    numeric = np.array(
        [bp.numeric_grad(lambda z, i=i: float(bp.softmax_mp(z)[i]), x) for i in range(4)]
    )
    diag = {r"$s_i(1 - s_i)$": s * (1 - s), r"$1 - s_i^2$": 1 - s**2}
    off = {r"$-s_i s_j$": -np.outer(s, s), r"$s_i s_j$": np.outer(s, s), "$0$": np.zeros((4, 4))}
    mask = ~np.eye(4, dtype=bool)
    good = [
        o
        for o in q["options"]
        if np.allclose(diag[o[0]], np.diag(numeric), atol=1e-7)
        and np.allclose(off[o[1]][mask], numeric[mask], atol=1e-7)
    ]
    assert good == [q["answer"]]


def test_every_computable_blanks_question_is_checked():
    checked = {*CODE_FILL, *BLANK_VALUES, *FORMULA_BLANKS, "vg-init-blanks", "sm-jacobian-blanks"}
    conceptual = {
        "vg-rnn-remedies-blanks",
        "vg-lstm-cell-blanks",
        "us-attention-blanks",
        "us-binary-pairing-blanks",
    }
    assert set(BLANKS_Q) == checked | conceptual


def test_the_keepdims_explanation_of_the_softmax_backward_is_right():
    """im-softmax-backward-blanks says what `keepdims=False` does: right by chance at N = 1,
    an error when N != C (N > 1), wrong values when N == C. Each claim, run on its code."""
    q = BANK["im-softmax-backward-blanks"]
    assert "$N = 1$ なら" in q["explanation"] and "$N = C$ なら" in q["explanation"]
    ns = run(fill_blanks(q, ["`dout * s`", "`False`"]))
    rng = np.random.default_rng(5)

    def dx(shape):
        x, dout = rng.normal(size=shape), rng.normal(size=shape)
        layer = ns["Softmax"]()
        layer.forward(x.copy())
        got = quietly(lambda: layer.backward(dout.copy()))
        want = np.array([bp.softmax_vjp(row, g) for row, g in zip(x, dout, strict=True)])
        return got, want

    got, want = dx((1, 4))
    assert np.allclose(got, want, atol=1e-7)  # N = 1: right by chance
    got, _ = dx((3, 4))
    assert got is None  # N != C: broadcasting fails
    got, want = dx((3, 3))
    assert got is not None and not np.allclose(got, want, atol=1e-3)  # N == C: wrong values
