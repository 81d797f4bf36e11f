"""The 最適化手法 (optimizers) theme: every computable key of quiz_data/optimizers.yaml is
computed here from the core (``optimizers``: the exam-style classes, the step functions, the
surfaces and ``trajectory``) and, where cheap, from a hand-written NumPy reference, and the
plausible wrong answers are shown to be wrong.

Code-tracing snippets are run by tests/test_bank_code.py (their printed output is the key);
here the key is also compared with what the core computes for the same update.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import yaml

import optimizers as opt
from optimizers import steps
from plots.quiz_figures_unit import trajectory_data, trajectory_loss
from quiz.loader import load_paths

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
    p = run_class(opt.RMSProp(lr=0.01, decay_rate=0.99), {"W": np.array(2.0)},
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
    "op-rmsprop-first-step": Numeric(_rmsprop_first_step, (1.99, 1.995)),
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
    assert _rmsprop_first_step() == pytest.approx(2 - 0.01 * 0.5 / (h**0.5 + 1e-7))


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


def test_rmsprop_rho_zero_is_not_adagrad():
    """rho = 0: every step moves each component by eta (sign of g); AdaGrad's steps shrink."""
    q = QUESTIONS["op-rmsprop-rho-zero"]
    grads = [np.array([1.0, 100.0])] * 5 + [np.array([-3.0, 0.5])] * 5
    r, pr = opt.RMSProp(lr=0.1, decay_rate=0.0), {"W": np.zeros(2)}
    a, pa = opt.AdaGrad(lr=0.1), {"W": np.zeros(2)}
    moves_r, moves_a = [], []
    for g in grads:
        before_r, before_a = pr["W"].copy(), pa["W"].copy()
        r.update(pr, {"W": g})
        a.update(pa, {"W": g})
        moves_r.append(pr["W"] - before_r)
        moves_a.append(pa["W"] - before_a)
    assert np.allclose(moves_r, [-0.1 * np.sign(g) for g in grads], rtol=1e-5)
    same = bool(np.allclose(moves_r, moves_a))
    assert q["answer"] is same is False


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


# ---------------------------------------------------------------------------------- Adam

# Kingma & Ba 2015, Algorithm 1 ("Good default settings"), typed from the paper
PAPER_DEFAULTS = {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


def _number(text: str) -> float:
    text = text.strip().strip("$").replace("−", "-")
    m = re.fullmatch(r"10\^\{(-?\d+)\}", text)
    return 10.0 ** int(m.group(1)) if m else float(text)


def test_adam_defaults():
    q = QUESTIONS["op-adam-defaults"]
    sig = inspect.signature(opt.Adam)
    core = {k: sig.parameters[k].default for k in PAPER_DEFAULTS}
    assert core == PAPER_DEFAULTS
    ok = [o for o in q["options"]
          if [_number(x) for x in o] == [core[k] for k in ("lr", "beta1", "beta2", "eps")]]
    assert ok == [q["answer"]]


def test_adam_bias_correction_formula():
    q = QUESTIONS["op-adam-bias-correction"]
    b1, g = 0.9, 0.7
    forms = {
        "$\\hat m = m / (1 - \\beta_1^t)$": lambda m, t: m / (1 - b1**t),
        "$\\hat m = m / (1 - \\beta_1)^t$": lambda m, t: m / (1 - b1) ** t,
        "$\\hat m = m / \\beta_1^t$": lambda m, t: m / b1**t,
        "$\\hat m = m \\, (1 - \\beta_1^t)$": lambda m, t: m * (1 - b1**t),
    }
    assert set(forms) == set(q["options"])
    state, hats, ms = {}, [], []
    for t in range(1, 11):
        _, state = steps.adam(np.array(g), state, t, np.array(0.0), lr=0.001, beta1=b1,
                              beta2=0.999)
        hats.append(float(state["m_hat"]))
        ms.append(float(state["m"]))
    assert np.allclose(hats, g)  # the core's m̂ is unbiased for a constant gradient
    ok = [o for o, form in forms.items()
          if np.allclose([form(m, t) for t, m in enumerate(ms, 1)], hats)]
    assert ok == [q["answer"]]


def _adam_blank_class(q, option) -> type:
    body = textwrap.indent(fill(q, option), "    ")
    src = ("class A:\n"
           "    def __init__(self, shape):\n"
           "        self.lr, self.beta1, self.beta2, self.eps = 0.01, 0.9, 0.999, 1e-8\n"
           "        self.iter = 0\n"
           "        self.m, self.v = {'W': np.zeros(shape)}, {'W': np.zeros(shape)}\n"
           f"{body}")
    ns = {"np": np}
    exec(src, ns)
    return ns["A"]


def test_adam_blanks():
    q = QUESTIONS["op-adam-blanks"]
    rng = np.random.default_rng(1)
    grads = [rng.normal(size=3) * 10.0 ** rng.integers(-2, 3, size=3) for _ in range(6)]
    ref, p_ref = opt.Adam(lr=0.01), {"W": np.ones(3)}
    for g in grads:
        ref.update(p_ref, {"W": g})
    ok = []
    for option in q["options"]:
        o, p = _adam_blank_class(q, option)(3), {"W": np.ones(3)}
        with np.errstate(all="ignore"):
            for g in grads:
                o.update(p, {"W": g})
        if np.allclose(p["W"], p_ref["W"]):
            ok.append(option)
    assert ok == [q["answer"]]


def _points(text: str) -> np.ndarray:
    return np.array([float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text.replace("−", "-"))])


def test_adam_first_step():
    q = QUESTIONS["op-adam-first-step"]
    g, lr = np.array([0.002, 500.0]), 0.01
    p = run_class(opt.Adam(lr=lr), {"W": np.zeros(2)}, lambda p: {"W": g}, 1)
    value = p["W"]
    assert np.allclose(value, -lr * np.sign(g), rtol=1e-4)
    # the distractors are the slips the explanation names, computed
    no_m_hat = -lr * 0.1 * np.sign(g)
    v_uncorrected = -lr * g / np.sqrt(0.001 * g * g)  # m̂ = g, v left at (1 - β₂)g²
    sgd = -lr * g

    def match(option, want):
        got = _points(option)
        half = 0.5 * 10.0 ** -min(len(t.split(".")[1]) if "." in t else 0
                                  for t in re.findall(r"\d+(?:\.\d+)?", option))
        return got.shape == want.shape and np.all(np.abs(got - want) <= half)

    assert [o for o in q["options"] if match(o, value)] == [q["answer"]]
    for want in (no_m_hat, v_uncorrected, sgd):
        assert sum(match(o, want) for o in q["options"] if o != q["answer"]) == 1


def _adam_no_bias_ratio() -> float:
    p = run_class(opt.Adam(lr=0.001, eps=0.0, bias_correction=False), {"W": np.array(0.0)},
                  lambda p: {"W": np.array(-2.5)}, 1)
    return float(p["W"]) / 0.001


NUMERIC["op-adam-no-bias-ratio"] = Numeric(
    # forgot the sqrt; only m uncorrected; only v uncorrected; with the correction
    _adam_no_bias_ratio, (0.1 / 0.001, 0.1, 1 / 0.001**0.5, 1.0)
)


def test_adam_no_bias_ratio_by_hand():
    assert _adam_no_bias_ratio() == pytest.approx(0.1 / np.sqrt(0.001))


def _adam_textbook_code(cls=opt.AdamTextbook) -> np.ndarray:
    o, p = cls(lr=0.1, beta1=0.8, beta2=0.99), {"W": np.array([2.0])}
    for g in (2.0, -1.0):
        o.update(p, {"W": np.array([g])})
    return np.round(p["W"], 4)


CODE_VALUES["op-adam-textbook-code"] = _adam_textbook_code


def test_adam_textbook_code_is_adam_up_to_eps():
    """The folded form follows Algorithm 1 (its eps sits elsewhere): the same 4 decimals; with
    lr in place of lr_t (no correction) it prints the 1.7461 distractor."""
    assert np.array_equal(_adam_textbook_code(opt.Adam), _adam_textbook_code())
    o = opt.Adam(lr=0.1, beta1=0.8, beta2=0.99, eps=1e-7, bias_correction=False)
    p = {"W": np.array([2.0])}
    for g in (2.0, -1.0):
        o.update(p, {"W": np.array([g])})
    assert np.round(p["W"], 4)[0] == 1.7461
    assert "[1.7461]" in QUESTIONS["op-adam-textbook-code"]["options"]


def test_adam_components():
    """Adam's v is RMSProp's h (rho = beta2); its m is Momentum's buffer scaled by 1 - beta1;
    AdaGrad's h (a sum) is neither."""
    q = QUESTIONS["op-adam-components"]
    rng = np.random.default_rng(2)
    gs = rng.normal(size=(20, 2))
    b1, b2 = 0.9, 0.999
    sa, sr, sg, sm = {}, {}, {}, {}
    ms, vs, rh, ah, mv = [], [], [], [], []
    for t, g in enumerate(gs, 1):
        _, sa = steps.adam(g, sa, t, np.zeros(2), lr=0.01, beta1=b1, beta2=b2)
        _, sr = steps.rmsprop(g, sr, t, np.zeros(2), lr=0.01, decay_rate=b2)
        _, sg = steps.adagrad(g, sg, t, np.zeros(2), lr=0.01)
        _, sm = steps.momentum(g, sm, t, np.zeros(2), lr=1.0, momentum=b1)
        ms.append(sa["m"])
        vs.append(sa["v"])
        rh.append(sr["h"])
        ah.append(sg["h"])
        mv.append(-(1 - b1) * sm["v"])  # Momentum's v with eta = 1 is minus PyTorch's buffer

    def proportional(a, b):
        a, b = np.ravel(a), np.ravel(b)
        k = a @ b / (b @ b)
        return np.allclose(a, k * b)

    is_like = {("m", "Momentum"): proportional(ms, mv), ("m", "RMSProp"): proportional(ms, rh),
               ("m", "AdaGrad"): proportional(ms, ah), ("v", "RMSProp"): proportional(vs, rh),
               ("v", "Momentum"): proportional(vs, mv), ("v", "AdaGrad"): proportional(vs, ah)}
    assert np.allclose(vs, rh)
    ok = [o for o in q["options"] if is_like[("m", o[0])] and is_like[("v", o[1])]]
    assert ok == [q["answer"]]


# --------------------------------------------------------------------------------- AdamW


def test_adamw_vs_l2():
    """Adam + L2: the decay is divided by sqrt(v̂), so a weight with large gradients decays
    less; AdamW shrinks every weight alike. The two differ for Adam (not for SGD)."""
    q = QUESTIONS["op-adamw-vs-l2"]
    lr, lam = 0.01, 0.1
    # two weights of equal size, the second with 100 times larger (zero-mean) gradients
    rng = np.random.default_rng(3)
    noise = rng.choice([-1.0, 1.0], size=(200, 2)) * np.array([0.01, 1.0])

    def final(name, decay):
        o = opt.OPTIMIZERS[name].make(lr=lr, weight_decay=decay)
        p = {"W": np.array([1.0, 1.0])}
        for g in noise:
            o.update(p, {"W": g})
        return p["W"]

    # what the decay did to each weight: the run with it minus the same run without it
    l2 = final("adam", lam) - final("adam", 0.0)
    w = final("adamw", lam) - final("adamw", 0.0)
    assert np.all(l2 < 0) and np.all(w < 0)
    assert abs(l2[1]) < 0.3 * abs(l2[0])  # L2 in Adam: the large-gradient weight decays less
    assert abs(w[1] - w[0]) < 0.1 * abs(w[0])  # AdamW: both decay alike
    o = opt.AdamW(lr=lr, weight_decay=lam)
    o.update({"W": np.array([3.0])}, {"W": np.array([0.5])})
    assert o.m["W"][0] == pytest.approx(0.05)  # m never sees lambda W
    assert q["answer"].startswith("L2 の項も")


def _adamw_one_step() -> float:
    p = run_class(opt.AdamW(lr=0.1, weight_decay=0.1), {"W": np.array(2.0)},
                  lambda p: {"W": np.array(0.5)}, 1)
    return float(p["W"])


def _adam_l2_one_step() -> float:
    p = run_class(opt.Adam(lr=0.1, weight_decay=0.1), {"W": np.array(2.0)},
                  lambda p: {"W": np.array(0.5)}, 1)
    return float(p["W"])


NUMERIC["op-adamw-one-step"] = Numeric(
    # Adam + L2; lambda W without eta; SGD + L2
    _adamw_one_step, (_adam_l2_one_step(), 2 - 0.2 - 0.1, 2 - 0.1 * (0.5 + 0.2))
)


def test_adamw_one_step_by_hand():
    assert _adamw_one_step() == pytest.approx(2 - 0.1 * 0.1 * 2 - 0.1 * 0.5 / (0.5 + 1e-8))


def test_adamw_blanks():
    q = QUESTIONS["op-adamw-blanks"]
    lam, lr, b1, b2, eps = 0.05, 0.01, 0.9, 0.999, 1e-8
    rng = np.random.default_rng(4)
    gs = rng.normal(size=(12, 3))
    terms = {  # each entry transcribed, as a function of W (and v̂ for the adaptive one)
        "$\\lambda W$": lambda w, vh: lam * w,
        "$\\lambda W / (\\sqrt{\\hat v} + \\varepsilon)$": lambda w, vh: lam * w / (np.sqrt(vh) + eps),
        "$\\frac{1}{2}\\lambda W^2$": lambda w, vh: 0.5 * lam * w**2,
    }

    def run(step, **extra):
        theta, state = np.ones(3), {}
        for t, g in enumerate(gs, 1):
            d, state = step(g, state, t, theta, lr=lr, beta1=b1, beta2=b2, **extra)
            theta = theta + d
        return theta

    want_l2 = run(steps.adam, weight_decay=lam)
    want_w = run(steps.adamw, weight_decay=lam)

    def run_l2(term):  # (ア): added to the gradient before m and v
        return run(lambda g, s, t, th, **h: steps.adam(g + term(th, None), s, t, th, **h))

    def run_w(term):  # (イ): added inside eta(...), m and v from the loss gradient alone
        def step(g, s, t, th, **h):
            d, s2 = steps.adam(g, s, t, th, **h)
            return d - lr * term(th, s2["v_hat"]), s2
        return run(step)

    ok = [o for o in q["options"]
          if np.allclose(run_l2(terms[o[0]]), want_l2) and np.allclose(run_w(terms[o[1]]), want_w)]
    assert ok == [q["answer"]]


def test_decay_sgd_same():
    q = QUESTIONS["op-decay-sgd-same"]
    lam, lr = 0.1, 0.05
    grads_of = quad_grad([1.0, 10.0])
    p1 = {"W": np.array([1.0, 1.0])}
    l2 = opt.SGD(lr=lr)
    p2 = {"W": np.array([1.0, 1.0])}
    for _ in range(30):
        l2.update(p1, {"W": grads_of(p1)["W"] + lam * p1["W"]})
        g = grads_of(p2)["W"]  # the loss gradient at W before the decay
        p2["W"] = p2["W"] - lr * lam * p2["W"]
        l2.update(p2, {"W": g})
    assert q["answer"] is bool(np.allclose(p1["W"], p2["W"])) is True
    # ... and not for Adam (the question's contrast)
    a = opt.trajectory("adam", "ill_conditioned", steps=30, lr=0.05, weight_decay=lam)
    w = opt.trajectory("adamw", "ill_conditioned", steps=30, lr=0.05, weight_decay=lam)
    assert not np.allclose(a.positions, w.positions)


# ------------------------------------------------------------------------- learning rate


def _converges(lr: float, surface="textbook") -> bool:
    t = opt.trajectory("sgd", surface, start=(-7.0, 2.0), steps=200, lr=lr)
    return t.escaped_at is None and t.loss[-1] < 1e-3 * t.loss[0]


def test_lr_threshold_textbook():
    q = QUESTIONS["op-lr-threshold-textbook"]
    assert opt.SURFACES["textbook"].divergence_lr == pytest.approx(1.0)
    lrs = [0.3, 0.45, 0.55, 0.7, 0.9, 0.99, 1.01, 1.2, 1.5, 1.9]  # the lab allows η ≤ 2
    conv = {lr: _converges(lr) for lr in lrs}
    ok = [o for o in q["options"]
          if all(conv[lr] == (lr < _number(o.replace("\\eta <", "")))
                 for lr in lrs)]
    assert ok == [q["answer"]]


def test_lr_oscillation():
    q = QUESTIONS["op-lr-oscillation"]
    xs = [1.0]
    o, p = opt.SGD(lr=0.4), {"W": np.array(1.0)}
    for _ in range(10):
        o.update(p, {"W": 4 * p["W"]})
        xs.append(float(p["W"]))
    xs = np.array(xs)
    flips = np.all(np.sign(xs[1:]) != np.sign(xs[:-1]))
    shrinks = np.all(np.abs(xs[1:]) < np.abs(xs[:-1]))
    facts = {
        "符号を毎回変えながら、絶対値が小さくなって 0 に近づく": flips and shrinks,
        "符号を変えずに、単調に小さくなって 0 に近づく": not flips and shrinks,
        "符号を毎回変えながら、絶対値が大きくなって発散する": flips and not shrinks,
        "1 回目の更新でちょうど 0 に着き、そこから動かない": xs[1] == 0,
    }
    assert set(facts) == set(q["options"])
    assert [o for o, true in facts.items() if true] == [q["answer"]]


def test_lr_statements():
    q = QUESTIONS["op-lr-statements"]
    too_large = opt.trajectory("sgd", "textbook", steps=30, lr=1.05)
    assert too_large.loss[-1] > too_large.loss[0]
    too_small = opt.trajectory("sgd", "textbook", steps=30, lr=0.001)
    right = opt.trajectory("sgd", "textbook", steps=30, lr=0.95)
    assert too_small.loss[-1] > 0.9 * too_small.loss[0] > 100 * right.loss[-1]
    # counter-examples of the other three: a larger rate that ends higher (diverges) on a
    # convex quadratic, and Adam's first step whose size is its learning rate
    assert too_large.loss[-1] > right.loss[-1]
    a = opt.trajectory("adam", "textbook", steps=1, lr=0.3)
    assert np.allclose(np.abs(a.updates[0]), 0.3, rtol=1e-6)
    facts = dict(zip(q["options"], [True, True, False, False, False], strict=True))
    assert sorted(q["answer"]) == sorted(o for o, t in facts.items() if t)


def _momentum_terminal() -> float:
    state, delta = {}, None
    for t in range(1, 500):
        delta, state = steps.momentum(np.array(1.5), state, t, np.array(0.0), lr=0.01,
                                      momentum=0.9)
    return abs(float(delta)) / (0.01 * 1.5)


NUMERIC["op-momentum-terminal"] = Numeric(_momentum_terminal, (9.0, 1.9))


# ---------------------------------------------------------------------------- saddle point


def test_saddle_point():
    q = QUESTIONS["op-saddle-point"]
    s = opt.SURFACES["saddle"]
    assert np.allclose(s.grad(0.0, 0.0), 0.0)
    h = 1e-4  # the Hessian by central differences of the core's gradient
    hess = np.array([(np.array(s.grad(*(e * h))) - np.array(s.grad(*(-e * h)))) / (2 * h)
                     for e in np.eye(2)])
    eig = np.linalg.eigvalsh(hess)
    assert eig.min() < 0 < eig.max()
    assert q["answer"].endswith("鞍点である")


def test_saddle_stuck():
    q = QUESTIONS["op-saddle-stuck"]
    t = opt.trajectory("sgd", "saddle", start=(1.5, 0.0), steps=500, lr=0.05)
    claim = bool(np.all(t.positions[:, 1] == 0.0) and abs(t.positions[-1, 0]) < 1e-9)
    assert q["answer"] is claim is True


def _saddle_escape(lr=0.05) -> float:
    t = opt.trajectory("sgd", "saddle", start=(1.5, 0.01), steps=200, lr=lr)
    return float(np.argmax(np.abs(t.positions[:, 1]) > 1.0))


NUMERIC["op-saddle-escape-steps"] = Numeric(
    # 48.3 rounded down; the gradient's 2 forgotten (y *= 1.05)
    _saddle_escape, (48.0, float(np.ceil(np.log(100) / np.log(1.05))))
)


# ---------------------------------------------------------------------- textbook surface


def test_textbook_zigzag():
    q = QUESTIONS["op-textbook-zigzag"]
    s = opt.SURFACES["textbook"]
    g = np.array(s.grad(-7.0, 2.0))
    to_min = -np.array([-7.0, 2.0])
    cos = (-g) @ to_min / (np.linalg.norm(g) * np.linalg.norm(to_min))
    assert abs(g[1]) > 5 * abs(g[0]) and cos < 0.5  # far from pointing at the minimum
    assert np.all(np.linalg.eigvalsh(np.array(s.hessian)) > 0)  # convex: no saddle
    t = opt.trajectory("sgd", "textbook", steps=30, lr=0.95)
    assert np.all(np.sign(t.positions[1:, 1]) != np.sign(t.positions[:-1, 1]))  # zigzag in y
    assert q["answer"].startswith("$y$ 方向の勾配が")


def _textbook_sgd_code() -> np.ndarray:
    t = opt.trajectory("sgd", "textbook", start=(-7.0, 2.0), steps=2, lr=0.95)
    return np.round(t.positions[-1], 3)


CODE_VALUES["op-textbook-sgd-code"] = _textbook_sgd_code


def _rmsprop_code() -> np.ndarray:
    p = run_class(opt.RMSProp(lr=0.01, decay_rate=0.9), {"W": np.zeros(2)},
                  lambda p: {"W": np.array([1.0, 100.0])}, 2)
    return np.round(p["W"], 4)


CODE_VALUES["op-rmsprop-code"] = _rmsprop_code


def test_adaptive_which():
    """Adaptive: a gradient 100 times larger in one coordinate does not move it 100 times
    further (after the first steps)."""
    q = QUESTIONS["op-adaptive-which"]
    names = {"SGD": "sgd", "Momentum": "momentum", "Nesterov（NAG）": "nesterov",
             "AdaGrad": "adagrad", "RMSProp": "rmsprop", "Adam": "adam"}
    assert set(names) == set(q["options"])
    adaptive = []
    for label, name in names.items():
        spec = opt.OPTIMIZERS[name]
        hyper, state, deltas = spec.defaults(), {}, []
        hyper["lr"] = 0.01
        for t in range(1, 6):
            d, state = spec.step(np.array([1.0, 100.0]), state, t, np.zeros(2), **hyper)
            deltas.append(d)
        ratio = np.abs(np.sum(deltas, axis=0))
        if not np.isclose(ratio[1] / ratio[0], 100.0):
            adaptive.append(label)
    assert sorted(adaptive) == sorted(q["answer"])


def test_nesterov_pytorch_differs_from_textbook_code():
    q = QUESTIONS["op-nesterov-pytorch"]
    lr, mu, grads_of = 0.05, 0.9, quad_grad([1.0, 10.0])
    w, b, path = np.array([1.0, 1.0]), np.zeros(2), []
    for _ in range(10):  # PyTorch's SGD(momentum=mu, nesterov=True), by hand
        g = grads_of({"W": w})["W"]
        b = mu * b + g
        w = w - lr * (g + mu * b)
        path.append(w.copy())
    o, p, tb = opt.NesterovTextbook(lr=lr, momentum=mu), {"W": np.array([1.0, 1.0])}, []
    n, pn, nag = opt.Nesterov(lr=lr, momentum=mu), {"W": np.array([1.0, 1.0])}, []
    for _ in range(10):
        o.update(p, grads_of(p))
        tb.append(p["W"].copy())
        n.update(pn, grads_of(pn))
        nag.append(pn["W"].copy())
    assert np.allclose(path, nag)  # PyTorch's is NAG
    assert q["answer"] is bool(np.allclose(path, tb)) is False
    assert np.allclose(path[0], [0.905, 0.05]) and np.allclose(tb[0], [0.8645, -0.355])


# ------------------------------------------------------------------------------- graphs
# Each figure's numbers are what the page draws: plots.quiz_figures_unit's trajectory_data
# (optimizers.trajectory at the spec) and trajectory_loss. The keyed figure must be the only
# one of the four with the property the question asks.

GRAPH = {q.id: q for q in load_paths([BANK_FILE]).questions if q.type == "graph"}


def _runs(qid):
    q = GRAPH[qid]
    return q, [(fig, trajectory_data(fig)) for fig in q.options]


def _only_key(qid, has: Callable) -> None:
    q, runs = _runs(qid)
    assert [fig for fig, run in runs if has(fig, run)] == [q.answer], qid


def _settings(qid) -> set:
    """(optimizer, lr, other hyper-parameters named) of each option, to compare with the text."""
    return {(f.optimizer, *sorted(f.hyper.items())) for f in GRAPH[qid].options}


def test_graph_textbook_momentum():
    # the textbook's ch06 comparison: these four at these rates
    assert _settings("op-graph-textbook-momentum") == {
        ("sgd", ("lr", 0.95)), ("momentum", ("lr", 0.1), ("momentum", 0.9)),
        ("adagrad", ("lr", 1.5)), ("adam", ("lr", 0.3))}
    # overshoots the minimum in x by far (to x ≈ 0.9, the explanation's number)
    _only_key("op-graph-textbook-momentum", lambda f, r: r.positions[:, 0].max() > 0.5)
    run = trajectory_data(GRAPH["op-graph-textbook-momentum"].answer)
    assert run.positions[:, 0].max() == pytest.approx(0.9, abs=0.05)


def test_graph_sgd_lr_half():
    # y lands on exactly 0 at the first step (1 - 2η = 0) and stays there
    _only_key("op-graph-sgd-lr-half", lambda f, r: np.all(np.abs(r.positions[1:, 1]) < 1e-12))


def test_graph_ill_lr_diverge():
    assert opt.SURFACES["ill_conditioned"].divergence_lr == pytest.approx(0.2)

    def rises(fig, run):
        _, y = trajectory_loss(fig, run)
        return y[-1] > y[0]

    _only_key("op-graph-ill-lr-diverge", rises)


def test_graph_adam_no_bias():
    # the first step, per coordinate, in units of the learning rate: sqrt(10) ≈ 3.16 without
    # the bias correction (1 with it, 10 for RMSProp, and unequal coordinates for SGD)
    def first_ratio(fig, run):
        return np.abs(run.updates[0]) / fig.merged_hyper()["lr"]

    _only_key("op-graph-adam-no-bias",
              lambda f, r: np.allclose(first_ratio(f, r), np.sqrt(10), rtol=1e-3)
              and r.step_sizes[1] > r.step_sizes[0])
    ratios = {(f.optimizer, f.hyper.get("bias_correction")): first_ratio(f, r)
              for f, r in _runs("op-graph-adam-no-bias")[1]}
    assert np.allclose(ratios[("adam", True)], 1, rtol=1e-3)
    assert np.allclose(ratios[("rmsprop", None)], 10, rtol=1e-3)
    assert not np.isclose(*ratios[("sgd", None)])


def _leaves_box(fig, run) -> bool:
    s = opt.SURFACES[fig.surface]
    return run.escaped_at is not None or bool(np.any(np.abs(run.positions) > s.xlim[1]))


def test_graph_saddle_adam():
    # a first step as long in y as in x (y's gradient is 0.01 of x's), then out of the box
    def diagonal_then_out(fig, run):
        dx, dy = np.abs(run.updates[0])
        return dy > 0.5 * dx and _leaves_box(fig, run)

    _only_key("op-graph-saddle-adam", diagonal_then_out)
    q, runs = _runs("op-graph-saddle-adam")
    by = {f.optimizer: r for f, r in runs}
    assert by["momentum"].positions[:, 0].min() < -0.5  # past the saddle in x
    assert np.all(np.abs(by["adagrad"].positions) <= 2)  # AdaGrad stays in the box
    assert np.abs(by["sgd"].updates[0][1]) < 0.01 * np.abs(by["sgd"].updates[0][0])
    assert np.abs(by["adam"].updates[0]) == pytest.approx([0.05, 0.05], rel=1e-3)


def test_graph_nesterov():
    # the first step of NAG is -(1 + mu) eta g: it lands at (0.905, 0.05)
    _only_key("op-graph-nesterov", lambda f, r: np.allclose(r.positions[1], [0.905, 0.05]))
    firsts = {f.optimizer: r.positions[1] for f, r in _runs("op-graph-nesterov")[1]}
    assert np.allclose(firsts["nesterov_textbook"], [0.8645, -0.355])
    assert np.allclose(firsts["momentum"], [0.95, 0.5]) and np.allclose(firsts["sgd"], [0.95, 0.5])


def test_graph_momentum_mu():
    # how much the path swings in y (total variation) grows with mu; mu = 0.8 is second
    q, runs = _runs("op-graph-momentum-mu")
    swing = {f.hyper["momentum"]: float(np.abs(np.diff(r.positions[:, 1])).sum()) for f, r in runs}
    order = sorted(swing)
    assert [swing[m] for m in order] == sorted(swing.values())  # increasing with mu
    assert len(set(swing.values())) == 4
    assert q.answer.hyper["momentum"] == order[-2] == 0.8


def test_graph_adagrad_path():
    # a first step of eta in each coordinate, then steps shrinking so it stops short (x < -2)
    def adagrad_like(fig, run):
        lr = fig.merged_hyper()["lr"]
        return (np.allclose(np.abs(run.updates[0]), lr, rtol=1e-4)
                and np.linalg.norm(run.positions[-1]) > 2)

    _only_key("op-graph-adagrad-path", adagrad_like)
    run = trajectory_data(GRAPH["op-graph-adagrad-path"].answer)
    assert run.positions[-1, 0] == pytest.approx(-3, abs=0.05)  # the explanation's number


def test_graph_momentum_loss():
    def ever_rises(fig, run):
        _, y = trajectory_loss(fig, run)
        return bool(np.any(np.diff(y) > 0))

    _only_key("op-graph-momentum-loss", ever_rises)


def test_graph_adagrad_loss():
    # monotone, and the least progress (in decades) over the second half: AdaGrad stalls
    q, runs = _runs("op-graph-adagrad-loss")
    late = {}
    for fig, run in runs:
        _, y = trajectory_loss(fig, run)
        late[fig.optimizer] = (bool(np.all(np.diff(y) <= 0)), np.log10(y[50] / y[-1]), y[-1])
    stalls = [name for name, (mono, drop, _) in late.items()
              if mono and drop == min(d for _, d, _ in late.values())]
    assert stalls == [q.answer.optimizer] == ["adagrad"]
    assert late["adagrad"][2] == max(v[2] for v in late.values())
    assert late["adagrad"][2] == pytest.approx(0.3, abs=0.01)  # the explanation's number
    assert not late["adam"][0]  # Adam's loss goes up and down
    # RMSProp, after its first steep drop (steps 1-19), never flattens on the log scale: each
    # stretch of 20 steps falls at least as fast (in decades per step) as the one before (the
    # explanation; a learner computed -0.062 then -0.077 where an earlier wording said
    # "almost constant"; reviewer R-adagrad-loss found the slope steepening from step 19 on)
    fig, run = next((f, r) for f, r in runs if f.optimizer == "rmsprop")
    _, y = trajectory_loss(fig, run)
    slopes = [np.log10(y[t + 20] / y[t]) / 20 for t in (20, 40, 60, 80)]
    assert all(b < a < 0 for a, b in zip(slopes, slopes[1:], strict=False)), slopes


def test_graphs_match_the_labs_presets():
    """Where a question draws a preset of the /optimizers lab it links to, it draws the same
    runs: the textbook comparison, the Nesterov pair, the bias-correction pair."""
    from viewstate.optimizers_lab import PRESETS

    def lines(preset):
        p = PRESETS[preset]
        spec = opt.OPTIMIZERS
        return {(ln.optimizer, tuple(sorted(spec[ln.optimizer].check(dict(ln.hyper)).items())),
                 p.surface, p.steps) for ln in p.lines}

    def drawn(qid):
        return {(f.optimizer, tuple(sorted(f.merged_hyper().items())), f.surface, f.steps)
                for f in GRAPH[qid].options}

    assert drawn("op-graph-textbook-momentum") == lines("textbook")
    assert lines("nesterov") <= drawn("op-graph-nesterov")
    assert lines("bias") <= drawn("op-graph-adam-no-bias")
    assert GRAPH["op-graph-textbook-momentum"].answer.start_point() == (-7.0, 2.0)
    assert opt.SURFACES["textbook"].start == (-7.0, 2.0)


def test_graph_figures_differ():
    """The four figures of each graph question are four different runs (visibly apart)."""
    for qid, q in GRAPH.items():
        runs = [trajectory_data(f) for f in q.options]
        for i in range(4):
            for j in range(i + 1, 4):
                a, b = runs[i].positions, runs[j].positions
                n = min(len(a), len(b))
                assert np.abs(a[:n] - b[:n]).max() > 0.1, (qid, i, j)


# ---------------------------------------------------------------------- batch 4 additions


def _best_fixed_lr() -> float:
    """argmin over eta of the slowest factor max |1 - eta*lambda| (the surface's Hessian)."""
    lams = np.linalg.eigvalsh(np.array(opt.SURFACES["ill_conditioned"].hessian))
    etas = np.linspace(0.001, 0.199, 198001)
    worst = np.max(np.abs(1 - np.outer(etas, lams)), axis=1)
    return float(etas[np.argmin(worst)])


NUMERIC["op-lr-best-fixed"] = Numeric(
    # 1/lambda_max, 2/lambda_max, 1/(lambda_min + lambda_max)
    _best_fixed_lr, (0.1, 0.2, 1 / 11)
)


def test_lr_best_fixed_converges_fastest():
    """The slower axis's factor, measured on the core's SGD runs started on each axis, is
    smallest at 2/11 (9/11 there)."""
    def slowest(lr):
        factors = []
        for start, axis in (((1.0, 0.0), 0), ((0.0, 1.0), 1)):
            p = opt.trajectory("sgd", "ill_conditioned", start=start, steps=1, lr=lr).positions
            factors.append(abs(p[1, axis] / p[0, axis]))
        return max(factors)

    assert slowest(2 / 11) == pytest.approx(9 / 11)
    assert slowest(2 / 11) < min(slowest(0.17), slowest(0.195), slowest(0.1), slowest(0.2))
    assert _best_fixed_lr() == pytest.approx(2 / 11, abs=1e-5)


def test_adagrad_sparse():
    """A parameter that gets a gradient every 10th step moves further then than one that gets
    it every step; h never shrinks."""
    q = QUESTIONS["op-adagrad-sparse"]
    state, hs = {}, []
    for t in range(1, 51):
        g = np.array([1.0, 1.0 if t % 10 == 0 else 0.0])
        delta, state = steps.adagrad(g, state, t, np.zeros(2), lr=0.1)
        hs.append(state["h"])
    assert abs(delta[1]) > 2 * abs(delta[0])  # t = 50: the rare one's step is larger
    assert np.all(np.diff(hs, axis=0) >= 0)  # h only grows: the "h shrinks" option is false
    assert q["answer"].startswith("まれにしか勾配を受けない")


def test_rmsprop_memory():
    q = QUESTIONS["op-rmsprop-memory"]
    rho = opt.OPTIMIZERS["rmsprop"].defaults()["decay_rate"]
    assert rho == 0.99
    # the weight of the squared gradient k steps back, read off the core's h
    k_steps = 400
    state = {}
    for t in range(1, k_steps + 1):
        g = np.array(1.0 if t == 1 else 0.0)
        _, state = steps.rmsprop(g, state, t, np.array(0.0), lr=0.01, decay_rate=rho)
        if float(state["h"]) < (1 - rho) / np.e:
            break
    k = t - 1  # steps since the gradient
    options = {"約 10 回前": 10, "約 100 回前": 100, "約 1000 回前": 1000, "約 2 回前": 2}
    assert set(options) == set(q["options"])
    nearest = min(options, key=lambda o: abs(np.log(options[o] / k)))
    assert nearest == q["answer"] and abs(k - 100) <= 1


def test_adam_eps_role():
    q = QUESTIONS["op-adam-eps-role"]
    with np.errstate(all="ignore"):
        p = run_class(opt.Adam(eps=0.0), {"W": np.array([1.0])}, lambda p: {"W": np.zeros(1)}, 3)
    assert np.isnan(p["W"][0])  # 0/0 without eps
    p = run_class(opt.Adam(), {"W": np.array([1.0])}, lambda p: {"W": np.zeros(1)}, 3)
    assert p["W"][0] == 1.0  # with eps: no move, no nan
    tiny = run_class(opt.Adam(), {"W": np.array([0.0])}, lambda p: {"W": np.array([1e-12])}, 1)
    assert abs(tiny["W"][0]) < 1e-3 * 0.001  # |g| << eps: far less than alpha
    assert q["answer"].startswith("勾配がほぼ 0")


# ------------------------------------------------------------------------- completeness

CONCEPTUAL = {
    # statements about why/what, each backed by a computation above where one exists
    "op-adagrad-why-stops",  # test_adagrad_why_stops: eta/sqrt(h) only falls, RMSProp's not
    "op-sgd-stochastic",  # what "stochastic" names (mini-batch sampling): a definition
}
CHECKED = (set(NUMERIC) | set(CODE_VALUES) | {
    "op-momentum-pytorch-form", "op-momentum-lr-change", "op-nesterov-lookahead",
    "op-nesterov-bengio-blanks", "op-rmsprop-rho-zero", "op-adagrad-constant-grad",
    "op-rmsprop-blanks", "op-rmsprop-steady-step",
    "op-adam-defaults", "op-adam-bias-correction", "op-adam-blanks", "op-adam-first-step",
    "op-adam-components", "op-adamw-vs-l2", "op-adamw-blanks", "op-decay-sgd-same",
    "op-lr-threshold-textbook", "op-lr-oscillation", "op-lr-statements", "op-saddle-point",
    "op-saddle-stuck", "op-textbook-zigzag", "op-adaptive-which", "op-nesterov-pytorch",
    "op-graph-textbook-momentum", "op-graph-sgd-lr-half", "op-graph-ill-lr-diverge",
    "op-graph-adam-no-bias", "op-graph-saddle-adam", "op-graph-nesterov",
    "op-graph-momentum-mu", "op-graph-adagrad-path", "op-graph-momentum-loss",
    "op-graph-adagrad-loss", "op-lr-best-fixed", "op-adagrad-sparse", "op-rmsprop-memory",
    "op-adam-eps-role",
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
