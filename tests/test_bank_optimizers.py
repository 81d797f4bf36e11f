"""The 最適化手法 (optimizers) theme: every computable key of quiz_data/optimizers.yaml is
computed here from the core (``optimizers``: the exam-style classes, the step functions, the
surfaces and ``trajectory``) and, where cheap, from a hand-written NumPy reference, and the
plausible wrong answers are shown to be wrong.

Code-tracing snippets are run by tests/test_bank_code.py (their printed output is the key);
here the key is also compared with what the core computes for the same update.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import yaml

import optimizers as opt
from optimizers import steps

BANK_FILE = Path(__file__).resolve().parent.parent / "quiz_data" / "optimizers.yaml"
QUESTIONS = {q["id"]: q for q in yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))["questions"]}


def run_class(optimizer, params: dict, grads_of: Callable[[dict], dict], n: int) -> dict:
    """``n`` updates of an exam-style optimizer; ``grads_of(params)`` gives each step's grads."""
    for _ in range(n):
        optimizer.update(params, grads_of(params))
    return params


def printed_array(text: str) -> np.ndarray:
    """NumPy's printed form of a 1-D array ("[ 0.575 -0.15 ]") back as numbers."""
    return np.array([float(t) for t in text.strip("[]").split()])


def code_block(q: dict) -> str:
    m = re.search(r"```python\n(.*?)```", q["text"], re.S)
    assert m, f"{q['id']}: no code block"
    return m.group(1)


def fill(q: dict, entries) -> str:
    by_label = dict(zip(q["blanks"], entries, strict=True))
    return re.sub(r"（(.{1,3}?)）", lambda m: by_label[m.group(1)].strip("`"), code_block(q))


def quad_grad(scale):
    """The gradient of f(W) = ½ Σ scale·W² (an ill-conditioned quadratic), as a grads_of."""
    return lambda p: {"W": np.asarray(scale) * p["W"]}


# ------------------------------------------------------------------------- numeric keys


@dataclass(frozen=True)
class Numeric:
    value: Callable[[], float]
    near_misses: tuple[float, ...] = ()


def _sgd_two_steps() -> float:
    p = run_class(opt.SGD(lr=0.1), {"W": np.array(3.0)}, lambda p: {"W": 2 * p["W"]}, 2)
    return float(p["W"])


def _momentum_two_steps() -> float:
    p = run_class(opt.Momentum(lr=0.1, momentum=0.9), {"W": np.array(1.0)},
                  lambda p: {"W": 2 * p["W"]}, 2)
    return float(p["W"])


def _momentum_two_steps_by_hand(sign: float = 1.0) -> float:
    w, v = 1.0, 0.0
    for _ in range(2):
        v = 0.9 * v - 0.1 * 2 * w
        w = w + sign * v
    return w


def _adagrad_two_steps(eps: float = 0.0) -> float:
    o = opt.AdaGrad(lr=0.1, eps=eps)
    p = {"W": np.array(1.0)}
    for g in (3.0, 4.0):
        o.update(p, {"W": np.array(g)})
    return float(p["W"])


def _rmsprop_first_step() -> float:
    p = run_class(opt.RMSProp(lr=0.01, decay_rate=0.99), {"W": np.array(1.0)},
                  lambda p: {"W": np.array(0.5)}, 1)
    return float(p["W"])


NUMERIC: dict[str, Numeric] = {
    # one step; the gradient w (forgot the 2); a step up the gradient
    "op-sgd-two-steps": Numeric(_sgd_two_steps, (2.4, 3 * 0.9**2, 3 * 1.2**2)),
    # plain SGD; w -= v with the textbook's v (its -eta is already inside)
    "op-momentum-two-steps": Numeric(
        _momentum_two_steps, (0.8**2, _momentum_two_steps_by_hand(sign=-1.0))
    ),
    # h = g² each step (no sum); SGD; h summing g (not g²)
    "op-adagrad-two-steps": Numeric(
        _adagrad_two_steps, (0.8, 1 - 0.3 - 0.4, 1 - 0.3 / 3**0.5 - 0.4 / 7**0.5)
    ),
    # h = g² (AdaGrad's first step); SGD
    "op-rmsprop-first-step": Numeric(_rmsprop_first_step, (0.99, 0.995)),
}


def test_numeric_references_agree():
    """The core against hand-written NumPy."""
    assert _momentum_two_steps() == pytest.approx(_momentum_two_steps_by_hand())
    assert _adagrad_two_steps(eps=1e-7) == pytest.approx(_adagrad_two_steps(), abs=1e-6)
    w, h = 1.0, 0.0
    for g in (3.0, 4.0):
        h += g * g
        w -= 0.1 * g / h**0.5
    assert _adagrad_two_steps() == pytest.approx(w)
    h = 0.01 * 0.5**2  # RMSProp's first h
    assert _rmsprop_first_step() == pytest.approx(1 - 0.01 * 0.5 / (h**0.5 + 1e-7))


@pytest.mark.parametrize("qid", sorted(NUMERIC))
def test_numeric_answer(qid):
    q, check = QUESTIONS[qid], NUMERIC[qid]
    assert q["type"] == "numeric"
    value, answer, tol = check.value(), q["answer"], q["tolerance"]
    assert abs(answer - value) <= tol, f"{qid}: key {answer} but computed {value:.6g}"
    for wrong in check.near_misses:
        assert min(abs(wrong - answer), abs(wrong - value)) > tol, (qid, wrong)


# ------------------------------------------------------- code tracing against the core
# tests/test_bank_code.py runs each snippet: its output is the key. Here the key must also
# be what the core's class computes for the same update, and no distractor.


def _momentum_code() -> np.ndarray:
    p = run_class(opt.Momentum(lr=0.1, momentum=0.5), {"W": np.array([1.0, -1.0])},
                  lambda p: {"W": np.array([1.0, -2.0])}, 3)
    return p["W"]


def _nesterov_textbook_code() -> np.ndarray:
    p = run_class(opt.NesterovTextbook(lr=0.05, momentum=0.9), {"W": np.array([1.0, 1.0])},
                  quad_grad([1.0, 10.0]), 1)
    return np.round(p["W"], 4)


def _adagrad_code() -> np.ndarray:
    p = run_class(opt.AdaGrad(lr=0.1), {"W": np.zeros(2)},
                  lambda p: {"W": np.array([1.0, 100.0])}, 3)
    return np.round(p["W"], 3)


CODE_VALUES: dict[str, Callable[[], np.ndarray]] = {
    "op-momentum-code": _momentum_code,
    "op-nesterov-textbook-code": _nesterov_textbook_code,
    "op-adagrad-code": _adagrad_code,
}


@pytest.mark.parametrize("qid", sorted(CODE_VALUES))
def test_code_key_is_the_cores_update(qid):
    q = QUESTIONS[qid]
    assert "code" in q
    value = CODE_VALUES[qid]()
    assert np.allclose(printed_array(q["answer"]), value, atol=1e-9), (qid, value)
    for o in q["options"]:
        if o != q["answer"]:
            got = printed_array(o)
            assert got.shape != value.shape or not np.allclose(got, value, atol=1e-3), (qid, o)


def test_nesterov_code_distractor_is_nags_first_step():
    """The explanation's NAG landing point (0.905, 0.05) is the core's NAG, not the code's."""
    p = run_class(opt.Nesterov(lr=0.05, momentum=0.9), {"W": np.array([1.0, 1.0])},
                  quad_grad([1.0, 10.0]), 1)
    assert np.allclose(p["W"], [0.905, 0.05])
    assert "[0.905 0.05 ]" in QUESTIONS["op-nesterov-textbook-code"]["options"]


# ----------------------------------------------------------------- momentum conventions


def _pytorch_momentum(grads_of, w0, lrs, mu):
    """PyTorch's SGD(momentum=mu): b = mu b + g; W -= lr b. Returns positions and buffers."""
    w, b = np.array(w0, float), np.zeros(len(w0))
    ws, bs = [], []
    for lr in lrs:
        b = mu * b + grads_of({"W": w})["W"]
        w = w - lr * b
        ws.append(w.copy())
        bs.append(b.copy())
    return ws, bs


def _textbook_momentum(grads_of, w0, lrs, mu):
    o, p = opt.Momentum(lr=lrs[0], momentum=mu), {"W": np.array(w0, float)}
    ws, vs = [], []
    for lr in lrs:
        o.lr = lr
        o.update(p, grads_of(p))
        ws.append(p["W"].copy())
        vs.append(o.v["W"].copy())
    return ws, vs


def test_momentum_pytorch_form_relation():
    q = QUESTIONS["op-momentum-pytorch-form"]
    eta, mu, grads_of = 0.05, 0.9, quad_grad([1.0, 10.0])
    ws_t, vs = _textbook_momentum(grads_of, [1.0, 1.0], [eta] * 20, mu)
    ws_p, bs = _pytorch_momentum(grads_of, [1.0, 1.0], [eta] * 20, mu)
    assert np.allclose(ws_t, ws_p)  # the same path at a constant learning rate
    relations = {
        "$v = -\\eta b$": lambda b: -eta * b,
        "$v = \\eta b$": lambda b: eta * b,
        "$v = -b$": lambda b: -b,
        "$v = -(1 - \\mu)\\eta b$": lambda b: -(1 - mu) * eta * b,
    }
    assert set(relations) == set(q["options"])
    holds = [o for o, rel in relations.items()
             if all(np.allclose(v, rel(b)) for v, b in zip(vs, bs, strict=True))]
    assert holds == [q["answer"]]


def test_momentum_lr_change():
    """Constant gradient, then the learning rate drops to 1/10: the textbook form moves more."""
    q = QUESTIONS["op-momentum-lr-change"]
    lrs = [0.1] * 20 + [0.01]
    const = lambda p: {"W": np.array([1.0])}  # noqa: E731
    ws_t, _ = _textbook_momentum(const, [0.0], lrs, 0.9)
    ws_p, _ = _pytorch_momentum(const, [0.0], lrs, 0.9)
    step_t, step_p = abs(ws_t[-1] - ws_t[-2])[0], abs(ws_p[-1] - ws_p[-2])[0]
    assert step_t > 5 * step_p  # not a rounding difference
    assert not np.isclose(step_t, 0.01)  # the velocity was not reset (SGD's step: 0.01)
    assert q["answer"].startswith("教科書の形のほうが大きく動く")


# --------------------------------------------------------------------------- Nesterov


def _nag_original(point: Callable, grads_of, w0, lr, mu, n):
    """NAG as first written: v = mu v - lr grad(point(W, v)); W += v. Returns (W, v) per step."""
    w, v = np.array(w0, float), np.zeros(len(w0))
    out = []
    for _ in range(n):
        v = mu * v - lr * grads_of({"W": point(w, v)})["W"]
        w = w + v
        out.append((w.copy(), v.copy()))
    return out


def test_nesterov_lookahead_point():
    """Only the look-ahead point W + mu v gives the core's NAG (on Theta = W + mu v)."""
    q = QUESTIONS["op-nesterov-lookahead"]
    lr, mu, grads_of, w0 = 0.05, 0.9, quad_grad([1.0, 10.0]), [1.0, 1.0]
    core = run_class(opt.Nesterov(lr=lr, momentum=mu), {"W": np.array(w0)}, grads_of, 1)
    thetas = []
    o, p = opt.Nesterov(lr=lr, momentum=mu), {"W": np.array(w0)}
    for _ in range(15):
        o.update(p, grads_of(p))
        thetas.append(p["W"].copy())
    assert np.allclose(thetas[0], core["W"])
    points = {
        "$W + \\mu v$": lambda w, v: w + mu * v,
        "$W$": lambda w, v: w,
        "$W - \\mu v$": lambda w, v: w - mu * v,
        "$W - \\eta \\nabla L(W)$": lambda w, v: w - lr * grads_of({"W": w})["W"],
    }
    assert set(points) == set(q["options"])
    ok = [o for o, point in points.items()
          if np.allclose([w + mu * v for w, v in _nag_original(point, grads_of, w0, lr, mu, 15)],
                         thetas)]
    assert ok == [q["answer"]]


def test_nesterov_bengio_blanks():
    q = QUESTIONS["op-nesterov-bengio-blanks"]
    lr, mu, grads_of, w0 = 0.05, 0.9, quad_grad([1.0, 10.0]), [1.0, 1.0]
    coef = {"$\\mu^2$": mu**2, "$\\mu$": mu, "$1$": 1.0, "$(1 + \\mu)$": 1 + mu}
    # the original NAG, read on Theta = W + mu v, and the core's step function
    want = [w + mu * v for w, v in _nag_original(lambda w, v: w + mu * v, grads_of, w0, lr, mu, 15)]
    theta, state = np.array(w0), {}
    for t in range(1, 16):
        delta, state = steps.nesterov(grads_of({"W": theta})["W"], state, t, theta, lr=lr,
                                      momentum=mu)
        theta = theta + delta
    assert np.allclose(theta, want[-1])

    def path(a, b):
        th, v, out = np.array(w0), np.zeros(2), []
        for _ in range(15):
            g = grads_of({"W": th})["W"]
            th = th + a * v - b * lr * g
            v = mu * v - lr * g
            out.append(th.copy())
        return out

    ok = [o for o in q["options"] if np.allclose(path(coef[o[0]], coef[o[1]]), want)]
    assert ok == [q["answer"]]


# ---------------------------------------------------------------------- AdaGrad, RMSProp


def test_adagrad_why_stops():
    """The core's AdaGrad: eta/sqrt(h) only falls; RMSProp's does not (it rises again)."""
    t = opt.trajectory("adagrad", "textbook", steps=200, lr=1.5)
    rate = 1.5 / np.sqrt(t.state["h"])
    assert np.all(np.diff(rate, axis=0) <= 0)
    r = opt.trajectory("rmsprop", "textbook", steps=200, lr=0.1)
    assert np.any(np.diff(0.1 / np.sqrt(r.state["h"]), axis=0) > 0)


def test_adagrad_per_element_is_false():
    q = QUESTIONS["op-adagrad-per-element"]
    o = opt.AdaGrad(lr=0.1)
    p = {"W": np.zeros(2)}
    o.update(p, {"W": np.array([1.0, 100.0])})
    assert o.h["W"].shape == (2,) and o.h["W"][0] != o.h["W"][1]
    assert q["answer"] is False


def test_adagrad_constant_grad_step_is_eta_over_sqrt_t():
    q = QUESTIONS["op-adagrad-constant-grad"]
    claim = True
    for g in (0.1, 3.0, -100.0):
        state = {}
        for t in range(1, 50):
            delta, state = steps.adagrad(np.array(g), state, t, np.array(0.0), lr=0.2)
            claim &= bool(np.isclose(abs(delta), 0.2 / np.sqrt(t), rtol=1e-5))
    assert q["answer"] is claim is True


def test_rmsprop_blanks():
    q = QUESTIONS["op-rmsprop-blanks"]
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=3) for _ in range(8)]
    ref = opt.RMSProp(lr=0.1, decay_rate=0.9)
    p_ref = {"W": np.ones(3)}
    for g in grads:
        ref.update(p_ref, {"W": g})
    ok = []
    for option in q["options"]:
        ns = {"np": np}
        exec(fill(q, option), ns)
        o, p = ns["RMSprop"](lr=0.1, decay_rate=0.9), {"W": np.ones(3)}
        for g in grads:
            o.update(p, {"W": g})
        if np.allclose(p["W"], p_ref["W"]) and np.allclose(o.h["W"], ref.h["W"]):
            ok.append(option)
    assert ok == [q["answer"]]


def test_rmsprop_steady_step():
    q = QUESTIONS["op-rmsprop-steady-step"]
    eta, state, sizes = 0.01, {}, []
    for t in range(1, 3001):
        delta, state = steps.rmsprop(np.array(4.0), state, t, np.array(0.0), lr=eta,
                                     decay_rate=0.99)
        sizes.append(abs(float(delta)) / eta)
    assert sizes[0] == pytest.approx(10, rel=1e-4)  # the 10η of the first step
    limits = {"$\\eta$ に近づく": 1.0, "$4\\eta$ に近づく": 4.0, "$10\\eta$ に近づく": 10.0,
              "0 に近づく": 0.0}
    assert set(limits) == set(q["options"])
    ok = [o for o, lim in limits.items() if abs(sizes[-1] - lim) < 1e-3]
    assert ok == [q["answer"]]


# ------------------------------------------------------------------------- completeness

CONCEPTUAL = {
    # statements about why/what, each backed by a computation above where one exists
    "op-adagrad-why-stops",  # test_adagrad_why_stops: eta/sqrt(h) only falls, RMSProp's not
}
CHECKED = (set(NUMERIC) | set(CODE_VALUES) | {
    "op-momentum-pytorch-form", "op-momentum-lr-change", "op-nesterov-lookahead",
    "op-nesterov-bengio-blanks", "op-adagrad-per-element", "op-adagrad-constant-grad",
    "op-rmsprop-blanks", "op-rmsprop-steady-step",
})


def test_every_question_is_checked_or_listed_conceptual():
    assert CHECKED.isdisjoint(CONCEPTUAL)
    assert set(QUESTIONS) == CHECKED | CONCEPTUAL, set(QUESTIONS) ^ (CHECKED | CONCEPTUAL)
    must = {qid for qid, q in QUESTIONS.items()
            if q["type"] in ("numeric", "blanks", "graph") or "code" in q}
    assert must <= CHECKED


def test_every_question_is_of_this_theme():
    assert {q["theme"] for q in QUESTIONS.values()} == {"optimizers"}
    assert all(qid.startswith("op-") for qid in QUESTIONS)
