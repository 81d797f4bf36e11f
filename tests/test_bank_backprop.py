"""Every computable key of quiz_data/backprop.yaml (誤差逆伝播法), computed from the core.

Values come from the layers (layers/), the lab's graphs and gradient check (backprop/) and,
where cheap, a second reference that does not use the chain rule the questions teach:
central differences (tests/bank_refs_backprop.py). The bank's text is never read for a
value: options are parsed only to compare them with what was computed. Code-tracing keys
are run by tests/test_bank_code.py; here their distractors are matched to the mistakes
the explanations name.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy.special import logit

import activations as act
from activations.exam_style import Relu, SoftmaxWithLoss
from backprop import apple_graph, gradient_check, shop_graph
from backprop.bugs import no_batch_mean_error
from layers import (
    AddLayer,
    Affine,
    MulLayer,
    Sigmoid,
    TwoLayerNet,
    numerical_gradient,
    relative_error,
)
from plots.quiz_figures import curve_data, make_question_figure
from plots.quiz_figures_unit import loss_data, numdiff_data
from quiz.figures import CurveFigure, SoftmaxFigure, alt_text
from quiz.figures_unit import NumdiffFigure
from quiz.loader import load_paths
from quiz.schema import GraphQuestion
from viewstate import backprop as lab

from . import bank_refs_backprop as ref

BANK = Path(__file__).resolve().parent.parent / "quiz_data" / "backprop.yaml"
QUESTIONS = {q["id"]: q for q in yaml.safe_load(BANK.read_text(encoding="utf-8"))["questions"]}
BANK_OBJECTS = {qq.id: qq for qq in load_paths([BANK]).questions}  # figures as the app reads them


def q(qid: str) -> dict:
    return QUESTIONS[qid]


def numbers(s: str) -> list[float]:
    """The numbers written in an option, in order (LaTeX minus signs included)."""
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", s.replace("−", "-"))]


def printed(a) -> str:
    """What print() shows for an array (NumPy's default print options)."""
    with np.printoptions(**np.get_printoptions()):
        return str(np.asarray(a))


# ── numeric questions: (the value from the core, plausible wrong answers) ──────────────────

def _apple_dapple() -> float:
    return float(apple_graph(100.0, 2.0, 1.1).edges["apple"].grad)


def _branch_sum(x: float = 2.0, y: float = 5.0) -> float:
    """f = x·y + x with the layers: x branches into the multiply and the add node."""
    mul, add = MulLayer(), AddLayer()
    add.forward(mul.forward(x, y), x)
    d_xy, dx_direct = add.backward(1.0)
    dx_mul, _ = mul.backward(d_xy)
    return dx_mul + dx_direct  # the branch sums what comes back


def _central_cube() -> float:
    return float(numerical_gradient(lambda v: float(v[0] ** 3), np.array([1.0]), h=0.1)[0])


def _batch(n: int):
    rng = np.random.default_rng(3)
    return rng.normal(size=(n, 2)), rng.integers(0, 3, size=n)


def _chain_square(x: float = 2.0, y: float = -0.5) -> float:
    """z = t·t with t = x + y: the multiply node gets t twice (a branch), then the add node."""
    add, mul = AddLayer(), MulLayer()
    t = add.forward(x, y)
    mul.forward(t, t)
    dt_a, dt_b = mul.backward(1.0)
    dx, _ = add.backward(dt_a + dt_b)
    return dx


def _sigmoid_backward(y: float = 0.8, dout: float = 2.0) -> float:
    layer = Sigmoid()
    layer.forward(np.array([float(logit(y))]))
    return float(layer.backward(np.array([dout]))[0])


def _relu_kink() -> float:
    return float(numerical_gradient(lambda v: float(act.relu(v)[0]), np.array([5e-5]), h=1e-4)[0])


NUMERIC: dict[str, tuple[Callable[[], float], tuple[float, ...]]] = {
    # wrong: the tax node's gradient alone, the count alone, d/d(count)
    "bp-apple-dapple": (_apple_dapple, (1.1, 2.0, float(apple_graph().edges["apple_num"].grad))),
    # wrong: one path only (multiply, add), the mean of the paths, f's value
    "bp-branch-sum": (_branch_sum, (5.0, 1.0, 3.0, 12.0)),
    # wrong: the forward difference, the true derivative, /h instead of /2h
    "bp-numdiff-central-value": (_central_cube, ((1.1**3 - 1.0) / 0.1, 3.0, 2 * 3.01)),
    # wrong: (N−1)/N, ‖a − n‖/‖n‖, 1/N
    "bp-gradcheck-no-mean": (
        lambda: gradient_check(*_batch(4), seed=0, bug="no_batch_mean").errors["W1"],
        (0.75, 3.0, 0.25),
    ),
    # wrong: z's value, t (no factor 2), 2x (y ignored)
    "bp-chain-rule-square": (_chain_square, (2.25, 1.5, 4.0)),
    # wrong: no upstream, no (1 − y), tanh's 1 − y²
    "bp-sigmoid-backward-value": (_sigmoid_backward, (0.8 * 0.2, 2 * 0.8, 2 * (1 - 0.8**2))),
    # wrong: the true derivative, the kink's average slope, the left slope
    "bp-relu-kink-numdiff": (_relu_kink, (1.0, 0.5, 0.0)),
}


@pytest.mark.parametrize("qid", sorted(NUMERIC))
def test_numeric_key_is_the_computed_value_and_wrong_answers_are_rejected(qid):
    question, (compute, wrong) = q(qid), NUMERIC[qid]
    value = compute()
    assert abs(question["answer"] - value) <= question["tolerance"], (qid, value)
    for w in wrong:
        assert abs(question["answer"] - w) > question["tolerance"], (qid, w)


def test_references_agree_with_the_core_on_the_numeric_keys():
    """Central differences of the forward computation, not the layers' backward."""
    price = lambda v: float(v[0] * 2.0 * 1.1)  # noqa: E731
    assert ref.numeric_grad(price, np.array([100.0]))[0] == pytest.approx(_apple_dapple())
    f = lambda v: float(v[0] * 5.0 + v[0])  # noqa: E731
    assert ref.numeric_grad(f, np.array([2.0]))[0] == pytest.approx(_branch_sum())
    assert _central_cube() == pytest.approx((1.1**3 - 0.9**3) / 0.2)
    assert ref.numeric_grad(lambda v: float((v[0] - 0.5) ** 2), np.array([2.0]))[0] == \
        pytest.approx(_chain_square())
    assert _sigmoid_backward() == pytest.approx(2.0 * float(act.sigmoid_grad(logit(0.8))))
    assert _relu_kink() == pytest.approx((1.5e-4 - 0.0) / 2e-4)


def test_a_forgotten_batch_mean_gives_every_parameter_the_same_error():
    result = gradient_check(*_batch(4), seed=0, bug="no_batch_mean")
    for key, err in result.errors.items():
        assert err == pytest.approx(no_batch_mean_error(4), abs=1e-6), key
    assert no_batch_mean_error(4) == pytest.approx(3 / 5)


# ── single choice with values ─────────────────────────────────────────────────────────────

def test_mul_node_values():
    question = q("bp-mul-node-values")
    mul = MulLayer()
    mul.forward(3.0, -2.0)
    want = mul.backward(1.5)
    matches = [o for o in question["options"] if np.allclose(numbers(o), want)]
    assert matches == [question["answer"]]


def test_affine_shapes():
    question = q("bp-affine-shapes")
    layer = Affine(np.zeros((784, 50)), np.zeros(50))
    layer.forward(np.zeros((100, 784)))
    dx = layer.backward(np.ones((100, 50)))
    want = [*dx.shape, *layer.dW.shape]
    matches = [o for o in question["options"] if numbers(o) == want]
    assert matches == [question["answer"]]


def _power_of_ten(option: str) -> float:
    """'$2 \\times 10^6$ 回' → 2e6, '$10^{12}$ 回' → 1e12, '$2$ 回' → 2."""
    body = option.replace("$", "").replace("回", "").replace("{", "").replace("}", "").strip()
    m = re.fullmatch(r"(?:(\d+) \\times )?10\^(\d+)", body)
    if m:
        return float(m.group(1) or 1) * 10.0 ** int(m.group(2))
    return float(body)


def test_numdiff_cost_is_two_losses_per_parameter():
    calls = []
    numerical_gradient(lambda v: calls.append(1) or float(np.sum(v**2)), np.ones(7))
    per_parameter = len(calls) / 7
    question = q("bp-numdiff-cost")
    matches = [o for o in question["options"] if _power_of_ten(o) == per_parameter * 10**6]
    assert matches == [question["answer"]]


def test_numdiff_error_ratios():
    """Shrinking h tenfold: forward error ≈ /10, central ≈ /100 (sigmoid at x = 1)."""
    x, exact = 1.0, float(act.sigmoid_grad(1.0))

    def errors(h):
        s = lambda v: float(act.sigmoid(v))  # noqa: E731
        return abs((s(x + h) - s(x)) / h - exact), abs((s(x + h) - s(x - h)) / (2 * h) - exact)

    (f1, c1), (f2, c2) = errors(1e-2), errors(1e-3)
    ratios = (f1 / f2, c1 / c2)
    question = q("bp-numdiff-error-order")

    def claimed(option):
        n = numbers(option)  # forward 1/a, central 1/b; "both" writes one ratio for the two
        return (n[1], n[3]) if len(n) == 4 else (n[1], n[1])

    matches = [o for o in question["options"]
               if all(abs(r / c - 1) < 0.2 for r, c in zip(ratios, claimed(o), strict=True))]
    assert matches == [question["answer"]]


# ── blanks: each option's fill-ins are put into the code and run ──────────────────────────

def _fill(code: str, fills: list[str], labels: list[str]) -> str:
    for label, fill in zip(labels, fills, strict=True):
        code = code.replace(f"（{label}）", fill.strip("`"))
    return code


def _code_block(text: str) -> str:
    return textwrap.dedent(re.search(r"```python\n(.*?)```", text, re.S).group(1))


def _works_shop(fills: list[str]) -> bool:
    g = shop_graph(100.0, 2.0, 150.0, 3.0, 1.1)
    want = [g.edges[k].grad for k in ("apple_num", "orange_num", "tax")]
    return bool(np.allclose([float(f) for f in fills], want))


def _works_affine(fills: list[str]) -> bool:
    question = q("bp-affine-backward-blanks")
    code = _fill(_code_block(question["text"]), fills, question["blanks"])
    namespace: dict = {"np": np}
    exec(code, namespace)  # noqa: S102 - the bank's own snippet, filled in
    rng = np.random.default_rng(1)
    x, W, b, G = rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=4), \
        rng.normal(size=(2, 4))
    layer = Affine(W, b)
    layer.forward(x)
    layer.backward = namespace["backward"].__get__(layer)
    try:
        dx = layer.backward(G)
    except ValueError:  # shapes that do not fit
        return False
    loss_x = lambda v: float(np.sum(G * (v @ W + b)))  # noqa: E731
    loss_w = lambda v: float(np.sum(G * (x @ v + b)))  # noqa: E731
    loss_b = lambda v: float(np.sum(G * (x @ W + v)))  # noqa: E731
    return (np.shape(dx) == x.shape and np.allclose(dx, ref.numeric_grad(loss_x, x))
            and np.shape(layer.dW) == W.shape and np.allclose(layer.dW, ref.numeric_grad(loss_w, W))
            and np.shape(layer.db) == b.shape and np.allclose(layer.db, ref.numeric_grad(loss_b, b)))


def _works_two_layer(fills: list[str]) -> bool:
    question = q("bp-two-layer-gradient-blanks")
    code = _fill(_code_block(question["text"]), fills, question["blanks"])
    namespace: dict = {"np": np}
    exec(code, namespace)  # noqa: S102 - the bank's own snippet, filled in
    net = TwoLayerNet(2, 3, 3, weight_init_std=1.0, seed=lab.DEFAULT_SEED)
    x, t = np.array(lab.DEFAULT_X, dtype=float), np.array(lab.DEFAULT_T)
    numeric = net.numerical_gradient(x, t)
    try:
        grads = namespace["gradient"](net, x, t)
    except (ValueError, IndexError):  # shapes or the ReLU mask do not fit
        return False
    return all(np.shape(grads[k]) == numeric[k].shape
               and np.allclose(grads[k], numeric[k], atol=1e-6) for k in numeric)


def _works_mul(fills: list[str]) -> bool:
    question = q("bp-mul-layer-blanks")
    namespace: dict = {}
    exec(_fill(_code_block(question["text"]), fills, question["blanks"]), namespace)  # noqa: S102
    layer = namespace["MulLayer"]()
    layer.forward(3.0, -2.0)
    want = ref.numeric_grad(lambda v: float(1.5 * v[0] * v[1]), np.array([3.0, -2.0]))
    return bool(np.allclose(layer.backward(1.5), want))


# The sigmoid graph's local derivatives, written as the options write them (y = σ(x)).
SLASH_NODE = {"$-y^2$": lambda x, y: -(y**2), "$y^2$": lambda x, y: y**2,
              "$-1/y^2$": lambda x, y: -1 / y**2}
EXP_NODE = {"$\\exp(-x)$": lambda x, y: np.exp(-x), "$\\exp(x)$": lambda x, y: np.exp(x)}


def _works_sigmoid_graph(fills: list[str]) -> bool:
    slash, exp = SLASH_NODE[fills[0]], EXP_NODE[fills[1]]
    xs = np.linspace(-3, 3, 13)
    y = act.sigmoid(xs)
    u = 1 + np.exp(-xs)
    d_slash = np.array([ref.numeric_grad(lambda v: float(1 / v[0]), np.array([ui]))[0]
                        for ui in u])
    d_exp = np.array([ref.numeric_grad(lambda v: float(np.exp(v[0])), np.array([-xi]))[0]
                      for xi in xs])
    chain = slash(xs, y) * 1.0 * exp(xs, y) * -1.0  # / → +1 → exp → ×(−1)
    return bool(np.allclose(slash(xs, y), d_slash) and np.allclose(exp(xs, y), d_exp)
                and np.allclose(chain, act.sigmoid_grad(xs)))


def _works_numdiff(fills: list[str]) -> bool:
    question = q("bp-numdiff-code-blanks")
    namespace: dict = {"np": np}
    exec(_fill(_code_block(question["text"]), fills, question["blanks"]), namespace)  # noqa: S102
    f = lambda v: float(np.sum(np.sin(v) * v**3))  # noqa: E731
    x = np.array([0.3, -1.2, 2.0])
    got = namespace["numerical_gradient"](f, x.copy())
    return bool(np.allclose(got, numerical_gradient(f, x.copy()), rtol=1e-9, atol=0))


def _works_stored(fills: list[str]) -> bool:
    """What each textbook layer keeps after forward, read off the layers themselves."""
    x = np.array([[1.0, -2.0, 0.0], [0.5, 3.0, -1.0]])
    affine, relu, sigmoid = Affine(np.ones((3, 2)), np.zeros(2)), Relu(), Sigmoid()
    outs = [affine.forward(x), relu.forward(x.copy()), sigmoid.forward(x)]

    def keeps(layer, out, fill: str) -> bool:
        if fill == "入力 `x`":
            return np.array_equal(getattr(layer, "x", None), x)
        if fill == "出力 `out`":
            return np.array_equal(getattr(layer, "out", None), out)
        if "`mask`" in fill:
            return np.array_equal(getattr(layer, "mask", None), x <= 0)
        if "`dW`" in fill:
            return getattr(layer, "dW", None) is not None
        raise AssertionError(fill)

    return all(keeps(layer, out, fill) for layer, out, fill
               in zip((affine, relu, sigmoid), outs, fills, strict=True))


BLANKS: dict[str, Callable[[list[str]], bool]] = {
    "bp-stored-values-blanks": _works_stored,
    "bp-mul-layer-blanks": _works_mul,
    "bp-sigmoid-graph-blanks": _works_sigmoid_graph,
    "bp-numdiff-code-blanks": _works_numdiff,
    "bp-shop-upstream-blanks": _works_shop,
    "bp-affine-backward-blanks": _works_affine,
    "bp-two-layer-gradient-blanks": _works_two_layer,
}


@pytest.mark.parametrize("qid", sorted(BLANKS))
def test_only_the_keyed_fill_ins_work(qid):
    question = q(qid)
    works = [o for o in question["options"] if BLANKS[qid](o)]
    assert works == [question["answer"]]


# ── code tracing: the key is run by test_bank_code; the core agrees and distractors are
#    the mistakes the explanations name ──────────────────────────────────────────────────

def _trace_affine_dw() -> tuple[str, list[str]]:
    x = np.array([[1.0, 2.0], [3.0, -1.0]])
    dout = np.array([[1.0, 0.0, 2.0], [0.5, 1.0, -1.0]])
    layer = Affine(np.ones((2, 3)), np.zeros(3))
    layer.forward(x)
    layer.backward(dout)
    wrong = [np.dot(x, dout)[1], layer.dW[0], x[1, 1] * dout[1]]  # no transpose, row 0, no sum
    return printed(layer.dW[1]), [printed(w) for w in wrong]


def _trace_tiny_h() -> tuple[str, list[str]]:
    got = numerical_gradient(lambda v: float(v[0] ** 2), np.array([1.0]), h=1e-50)[0]
    sane = numerical_gradient(lambda v: float(v[0] ** 2), np.array([1.0]))[0]
    return str(float(got)), [str(float(round(sane, 6))), "nan", "inf"]


def _trace_relu_inplace() -> tuple[str, list[str]]:
    layer = Relu()
    out = layer.forward(np.array([2.0, -1.0, 0.5]))
    g = np.array([3.0, 3.0, 3.0])
    layer.backward(g)
    return printed(g), [printed(np.full(3, 3.0)), printed(out), printed((~layer.mask) * 1.0)]


def _trace_last_bias() -> tuple[str, list[str]]:
    y = np.array([[0.7, 0.2, 0.1], [0.2, 0.3, 0.5]])
    t = np.array([[1, 0, 0], [0, 1, 0]])
    loss = SoftmaxWithLoss()
    loss.forward(np.log(y), t)  # softmax(log y) = y: the rows sum to 1
    affine = Affine(np.ones((4, 3)), np.zeros(3))
    affine.forward(np.ones((2, 4)))
    affine.backward(loss.backward())
    da = (y - t) / 2
    # no /N; the row sums (0 up to the sign of a zero); the mean over the batch of da
    wrong = [np.sum(y - t, axis=0), np.abs(np.sum(da, axis=1)), np.mean(da, axis=0)]
    return printed(np.round(affine.db, 3)), [printed(np.round(w, 3)) for w in wrong]


def _trace_orange() -> tuple[str, list[str]]:
    mul_orange, mul_tax = MulLayer(), MulLayer()
    mul_tax.forward(mul_orange.forward(120.0, 3.0), 1.1)
    dprice, dtax = mul_tax.backward(1.0)
    dorange, dnum = mul_orange.backward(dprice)

    def show(*v):
        return " ".join(str(round(float(x), 2)) for x in v)

    undone = mul_orange.backward(1.0)  # the tax's 1.1 never reaches the oranges
    return show(dorange, dnum, dtax), [
        show(*undone, dtax), show(dnum, dorange, dtax), show(dorange, dnum, 120.0 * 3.0 * 1.1)]


def _trace_int_array() -> tuple[str, list[str]]:
    f = lambda v: np.sum(v**2)  # noqa: E731
    ints = numerical_gradient(f, np.array([3, -1]))
    floats = numerical_gradient(f, np.array([3.0, -1.0]))
    return printed(ints.astype(int)), [printed(floats), printed(np.round(floats).astype(int)),
                                       printed(np.zeros(2, dtype=int))]


def _trace_no_restore() -> tuple[str, list[str]]:
    h, f = 1e-4, (lambda v: float(v[0] * v[1]))
    first = numerical_gradient(f, np.array([3.0, -1.0]))[0]
    second = numerical_gradient(f, np.array([3.0 - h, -1.0]))[1]  # x0 left at 3 − h
    right = numerical_gradient(f, np.array([3.0, -1.0]))
    return printed(np.round([first, second], 4)), [
        printed(np.round(right, 4)), printed(np.array([3.0, -1.0])),
        printed(np.round([-1.0 - h, 3.0], 4))]


TRACES: dict[str, Callable[[], tuple[str, list[str]]]] = {
    "bp-trace-last-bias": _trace_last_bias,
    "bp-trace-orange": _trace_orange,
    "bp-numdiff-int-array-trace": _trace_int_array,
    "bp-numdiff-no-restore-trace": _trace_no_restore,
    "bp-affine-trace-dw": _trace_affine_dw,
    "bp-numdiff-tiny-h": _trace_tiny_h,
    "bp-relu-backward-inplace": _trace_relu_inplace,
}


@pytest.mark.parametrize("qid", sorted(TRACES))
def test_code_key_is_what_the_core_prints_and_distractors_are_the_named_mistakes(qid):
    question = q(qid)
    key, wrong = TRACES[qid]()
    assert question["answer"] == key
    assert sorted(question["options"]) == sorted([key, *wrong])


# ── multiple choice and true/false computed from the lab's gradient check ─────────────────

def _failing(result) -> set[str]:
    return {k for k in result.errors if not result.passed(k)}


def test_forgotten_relu_mask_fails_only_the_first_layer():
    question = q("bp-gradcheck-relu-mask")
    for x, t in ((lab.DEFAULT_X, lab.DEFAULT_T), _batch(4)):
        result = gradient_check(x, t, seed=lab.DEFAULT_SEED, bug="no_relu_mask")
        assert result.masked > 0  # the stem: some ReLU inputs are negative
        assert _failing(result) == set(question["answer"])


def test_transposed_w_leaves_w2_right():
    question = q("bp-gradcheck-transposed-w")
    result = gradient_check(lab.DEFAULT_X, lab.DEFAULT_T, seed=lab.DEFAULT_SEED,
                            bug="transposed_w")
    assert _failing(result) == {"W1", "b1"}
    assert question["answer"] is ("W2" in _failing(result))


def test_norm_based_error_passes_a_true_zero_that_elementwise_error_fails():
    analytic = np.array([0.8, -0.3, 0.0])  # a gradient whose last entry is truly 0
    numeric = analytic + np.array([1e-11, -1e-11, 1e-12])  # round-off of ~ε|L|/h
    elementwise = np.abs(analytic - numeric) / (np.abs(analytic) + np.abs(numeric))
    assert elementwise.max() == pytest.approx(1.0)
    assert relative_error(analytic, numeric) < 1e-9


def _sum_node_option(option: str, dy, X):
    N, D = X.shape
    return eval(option.strip("`"), {"np": np, "dy": dy, "X": X, "N": N, "D": D})  # noqa: S307


def test_sum_node_backward():
    question = q("bp-sum-node")
    rng = np.random.default_rng(5)
    X, dy = rng.normal(size=(3, 2)), rng.normal(size=2)
    want = ref.numeric_grad(lambda v: float(dy @ np.sum(v, axis=0)), X)
    matches = [o for o in question["options"]
               if np.shape(_sum_node_option(o, dy, X)) == X.shape
               and np.allclose(_sum_node_option(o, dy, X), want)]
    assert matches == [question["answer"]]


def test_affine_gives_back_the_input_shape_and_its_bias_gradient_is_the_batch_sum():
    rng = np.random.default_rng(2)
    x, W, b = rng.normal(size=(2, 1, 2, 2)), rng.normal(size=(4, 3)), rng.normal(size=3)
    layer = Affine(W, b)
    dout = rng.normal(size=layer.forward(x).shape)
    assert layer.backward(dout).shape == x.shape and layer.dW.shape == W.shape
    want = ref.numeric_grad(lambda v: float(np.sum(dout * (x.reshape(2, -1) @ W + v))), b)
    assert np.allclose(layer.db, want) and np.allclose(layer.db, dout.sum(axis=0))


def _backward_order() -> list[str]:
    net = TwoLayerNet(2, 3, 3, weight_init_std=1.0, seed=lab.DEFAULT_SEED)
    order = []
    for name, layer in [*net.layers.items(), ("loss", net.lastLayer)]:
        layer.backward = (lambda f, n: lambda *a: order.append(n) or f(*a))(layer.backward, name)
    net.gradient(np.array(lab.DEFAULT_X), np.array(lab.DEFAULT_T))
    return order


def test_backward_statements():
    mul_a, mul_b, add_a, add_b = MulLayer(), MulLayer(), AddLayer(), AddLayer()
    mul_a.forward(1.0, 2.0), mul_b.forward(3.0, 5.0), add_a.forward(1.0, 2.0), \
        add_b.forward(3.0, 5.0)
    affine = Affine(np.ones((4, 2)), np.zeros(2))
    affine.forward(np.ones((3, 4)))
    dout = np.ones((3, 2))
    order = _backward_order()
    truth = {
        "乗算ノードの逆伝播には、順伝播での入力の値が必要になる":
            mul_a.backward(1.0) != mul_b.backward(1.0),
        "加算ノードの逆伝播には、順伝播での入力の値が必要になる":
            add_a.backward(1.0) != add_b.backward(1.0),
        "逆伝播では、出力に近い層のパラメータの勾配から順に求まる":
            order.index("Affine2") < order.index("Affine1"),
        "逆伝播で得られる勾配は近似値なので、学習の前に勾配確認で補正する": False,
        "どのレイヤでも、逆伝播で下流に流す勾配は上流の勾配と同じ形状になる":
            affine.backward(dout).shape == dout.shape,
    }
    question = q("bp-backward-statements")
    assert set(question["options"]) == set(truth)
    assert set(question["answer"]) == {o for o, true in truth.items() if true}
    # backprop is exact, not an approximation to correct: it agrees with the central
    # difference to far below the difference's own O(h²) error
    assert gradient_check(lab.DEFAULT_X, lab.DEFAULT_T, seed=lab.DEFAULT_SEED).all_passed


def test_chain_rule_composite():
    """f = sin, g = x² at x = 0.7: each option evaluated against a central difference."""
    f, df, g, dg, x = np.sin, np.cos, (lambda v: v**2), (lambda v: 2 * v), 0.7
    value = {"$f'(g(x))\\,g'(x)$": df(g(x)) * dg(x), "$f'(x)\\,g'(x)$": df(x) * dg(x),
             "$f'(g(x)) + g'(x)$": df(g(x)) + dg(x), "$f'(g'(x))$": df(dg(x))}
    want = ref.numeric_grad(lambda v: float(f(g(v[0]))), np.array([x]))[0]
    question = q("bp-chain-rule-composite")
    assert set(value) == set(question["options"])
    assert [o for o in question["options"] if abs(value[o] - want) < 1e-6] == [question["answer"]]


def test_affine_dx_rows_are_per_sample_and_dw_sums_the_batch():
    rng = np.random.default_rng(4)
    x, W, dout = rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=(3, 2))
    layer = Affine(W, np.zeros(2))
    layer.forward(x)
    dx, dW = layer.backward(dout.copy()), layer.dW.copy()
    changed = dout.copy()
    changed[2] += 5.0  # another sample's upstream gradient
    dx2 = layer.backward(changed)
    rows_alone = np.array_equal(dx[:2], dx2[:2]) and not np.array_equal(layer.dW, dW)
    per_sample = sum(np.outer(x[n], dout[n]) for n in range(3))
    assert rows_alone and np.allclose(dW, per_sample)
    assert q("bp-affine-dx-rows")["answer"] is rows_alone


def test_softmax_with_loss_ignores_dout():
    y, t = np.log(np.array([[0.7, 0.2, 0.1], [0.2, 0.3, 0.5]])), np.array([0, 1])
    layer = SoftmaxWithLoss()
    layer.forward(y, t)
    same = all(np.array_equal(layer.backward(1), layer.backward(d)) for d in (0, 5.0, -2.0))
    assert q("bp-softmax-loss-dout-unused")["answer"] is same


def test_backward_call_order():
    names = {"loss": "SoftmaxWithLoss", "Affine1": "Affine1", "Relu1": "Relu1",
             "Affine2": "Affine2"}
    order = " → ".join(names[n] for n in _backward_order())
    question = q("bp-backward-call-order")
    assert [o for o in question["options"] if o == order] == [question["answer"]]


# ── graph questions: each option's figure data, from the page's own data functions ───────

GRAPHS = {qid: qq for qid, qq in ((qid, BANK_OBJECTS[qid]) for qid in QUESTIONS)
          if isinstance(qq, GraphQuestion)}


def _relu_central_h3(fig) -> bool:
    """The figure draws (ReLU(x + 3) − ReLU(x − 3)) / 6, by the core's numerical_gradient."""
    if not isinstance(fig, CurveFigure):
        return False
    x, y, _ = curve_data(fig)
    keep = np.isfinite(y)
    want = [numerical_gradient(lambda v: float(act.relu(v)[0]), np.array([xi]), h=3.0)[0]
            for xi in x[keep]]
    return bool(np.allclose(y[keep], want, atol=1e-9))


# The numdiff figures: |numerical − h′(x)| over h = 10⁻¹⁶ … 1 (8 per decade), float64, from
# the registry's h and h′: the page's recipe, written out here (figures_spec.md, numdiff).
STEPS = np.logspace(-16, 0, 129)


def numdiff_errors(fig) -> np.ndarray:
    spec = act.REGISTRY[fig.fn]
    x, f = np.float64(fig.at), (lambda v: spec.h(v, **spec.defaults()))
    exact = float(spec.dh(np.array([x]), **spec.defaults())[0])
    if fig.method == "central":
        numerical = (f(x + STEPS) - f(x - STEPS)) / (2 * STEPS)
    else:
        numerical = (f(x + STEPS) - f(np.full_like(STEPS, x))) / STEPS
    return np.abs(numerical - exact)


def right_slope(fig) -> float:
    """The log–log slope of the error over h = 10⁻³ … 10⁻¹ (truncation's order there)."""
    sel = (STEPS >= 1e-3) & (STEPS <= 1e-1)
    err = np.maximum(numdiff_errors(fig)[sel], 1e-17)
    return float(np.polyfit(np.log10(STEPS[sel]), np.log10(err), 1)[0])


def best_h(fig) -> float:
    return float(STEPS[np.argmin(numdiff_errors(fig))])


def jump_h(fig) -> float | None:
    """The first h ≥ 10⁻⁸ where the error leaps a hundredfold in one step (an eighth of a
    decade) to above 0.01: x − h has crossed a kink. A smooth curve's truncation error
    grows by 10^(order/8) a step."""
    err = np.maximum(numdiff_errors(fig), 1e-17)
    leap = (STEPS[1:] >= 1e-8) & (err[1:] > 100 * err[:-1]) & (err[1:] > 1e-2)
    return float(STEPS[1:][np.argmax(leap)]) if leap.any() else None


def _is_numdiff(fig) -> bool:
    return getattr(fig, "kind", None) == "numdiff"


def _smooth_v(order: int, lo: float, hi: float) -> Callable[[object], bool]:
    """A V whose right side has slope ``order`` and whose bottom lies in [lo, hi]."""
    return lambda fig: (_is_numdiff(fig) and abs(right_slope(fig) - order) < 0.3
                        and lo <= best_h(fig) <= hi and jump_h(fig) is None)


def _jump_near(h: float) -> Callable[[object], bool]:
    return lambda fig: (_is_numdiff(fig) and jump_h(fig) is not None
                        and h <= jump_h(fig) <= 2 * h)


def _relu6_layer(fig) -> bool:
    """The figure draws what the stem's Relu6 layer returns for dout = 1."""
    if not isinstance(fig, CurveFigure):
        return False
    namespace: dict = {"np": np}
    exec(_code_block(q("bp-graph-relu6-layer")["text"]), namespace)  # noqa: S102
    x, y, _ = curve_data(fig)
    keep = np.isfinite(y)
    layer = namespace["Relu6"]()
    layer.forward(x[keep])
    return bool(np.allclose(layer.backward(np.ones(keep.sum())), y[keep]))


def _softmax_from_dx(fig) -> bool:
    """The bars are y with y − t = (0.09, −0.33, 0.24) to 2 places (t: the second class)."""
    if not isinstance(fig, SoftmaxFigure):
        return False
    layer = SoftmaxWithLoss()
    layer.forward(np.array([fig.logits], dtype=float), np.array([1]))
    return bool(np.array_equal(np.round(layer.backward()[0], 2), [0.09, -0.33, 0.24]))


def _flat_at(fig, level: float) -> bool:
    """The error is ``level`` at every h: the central difference at a kink is the mean slope."""
    return bool(np.allclose(numdiff_errors(fig), level, rtol=0, atol=1e-12))


def _one_over_2h(fig) -> bool:
    """The difference grows as 1/(2h): a jump's numerical derivative diverges."""
    return bool(np.allclose(numdiff_errors(fig), 1 / (2 * STEPS), rtol=1e-9))


def _softmax_after_one_step(fig) -> bool:
    """softmax(a − (y − t)) for a = (2, 0, 1), t the second class, from the layer's backward;
    the bars print two places, so two places must agree."""
    if not isinstance(fig, SoftmaxFigure):
        return False
    a = np.array([[2.0, 0.0, 1.0]])
    layer = SoftmaxWithLoss()
    layer.forward(a, np.array([1]))
    stepped = a - 1.0 * layer.backward()  # N = 1: the gradient is y − t
    bars = act.softmax(np.array(fig.logits, dtype=float))
    return bool(np.array_equal(np.round(bars, 2), np.round(act.softmax(stepped[0]), 2)))


GRAPH_CHECKS: dict[str, Callable[[object], bool]] = {
    "bp-graph-relu-wide-h": _relu_central_h3,
    "bp-graph-numdiff-central": _smooth_v(2, 1e-7, 1e-3),
    "bp-graph-numdiff-forward": _smooth_v(1, 1e-10, 1e-6),
    "bp-graph-numdiff-kink": _jump_near(1e-3),
    "bp-graph-numdiff-inflection": _smooth_v(2, 1e-7, 1e-3),
    "bp-graph-relu6-layer": _relu6_layer,
    "bp-graph-softmax-from-dx": _softmax_from_dx,
    "bp-graph-relu-kink-zero": lambda fig: _is_numdiff(fig) and _flat_at(fig, 0.5),
    "bp-graph-step-numdiff": lambda fig: _is_numdiff(fig) and _one_over_2h(fig),
    "bp-graph-softmax-step": _softmax_after_one_step,
}


def test_the_page_draws_the_errors_checked_here():
    figures = [o for g in GRAPHS.values() for o in g.options if _is_numdiff(o)]
    figures += [BANK_OBJECTS[i].figure for i in QUESTIONS
                if _is_numdiff(getattr(BANK_OBJECTS[i], "figure", None))]
    assert len(figures) >= 18
    for fig in figures:
        h, err = numdiff_data(fig)
        assert np.array_equal(h, STEPS) and np.array_equal(err, numdiff_errors(fig)), fig


def test_numdiff_keys_are_the_settings_the_stems_name():
    """The property checks above pick the key; the key is also the stem's own setting."""
    named = {"bp-graph-numdiff-central": ("sigmoid", 1.0, "central"),
             "bp-graph-numdiff-forward": ("tanh", 0.5, "forward"),
             "bp-graph-numdiff-kink": ("relu", 1e-3, "central"),
             "bp-graph-numdiff-inflection": ("sigmoid", 0.0, "forward")}
    for qid, (fn, at, method) in named.items():
        key = GRAPHS[qid].answer
        assert (key.fn, key.at, key.method) == (fn, at, method), qid


def test_numdiff_explanations_claims():
    """The magnitudes the explanations quote, read off the same errors."""
    def fig(fn, at, method):
        return NumdiffFigure(kind="numdiff", fn=fn, at=at, method=method)

    def at_h(f, h):
        return float(numdiff_errors(f)[np.argmin(np.abs(STEPS - h))])

    assert numdiff_errors(fig("sigmoid", 1.0, "central")).min() < 1e-11
    assert 3e-10 < numdiff_errors(fig("tanh", 0.5, "forward")).min() < 3e-9
    assert 3e-10 < numdiff_errors(fig("softplus", 1.0, "forward")).min() < 3e-9
    assert 3e-6 < at_h(fig("tanh", 1.0, "central"), 1e-2) < 3e-5
    assert 3e-4 < at_h(fig("softplus", 1.0, "forward"), 1e-2) < 3e-3
    assert 3e-7 < at_h(fig("softplus", 1.0, "forward"), 1e-5) < 3e-6
    kink = fig("relu", 0.01, "central")  # jumps past 1e-2 and nears 0.5 at h = 1
    assert 1e-2 <= jump_h(kink) <= 2e-2 and abs(numdiff_errors(kink)[-1] - 0.495) < 1e-9
    assert right_slope(fig("sigmoid", 2.0, "forward")) == pytest.approx(1, abs=0.1)
    assert right_slope(fig("leaky_relu", 1.0, "forward")) < 0  # round-off only


def test_best_h_read_off_the_figures():
    for qid in ("bp-numdiff-best-h-central", "bp-numdiff-best-h-forward"):
        question = BANK_OBJECTS[qid]
        h = best_h(question.figure)
        exponents = {o: float(o.strip("$")) for o in question.options}  # h = 10^k
        nearest = min(exponents, key=lambda o: abs(np.log10(h) - exponents[o]))
        assert nearest == question.answer, (qid, h)
        # and no other option is within a decade and a half of the bottom
        assert all(abs(np.log10(h) - e) > 1.5 for o, e in exponents.items() if o != nearest)


@pytest.mark.parametrize("qid", sorted(GRAPH_CHECKS))
def test_the_keyed_figure_shows_what_is_asked_and_no_other_does(qid):
    question = GRAPHS[qid]
    shows = [o for o in question.options if GRAPH_CHECKS[qid](o)]
    assert shows == [question.answer]


# What an alt text must not say: a function's name, a loss's name, the method asked.
ASKED_WORDS = sorted({n for spec in act.REGISTRY.values()
                      for n in (spec.name, spec.name_ja, spec.name_en.split(" (")[0])}
                     | {"交差エントロピー", "二乗誤差", "Huber", "中心差分", "前進差分"})


@pytest.mark.parametrize("qid", sorted(GRAPHS))
def test_graph_figures_draw_and_their_alt_texts_name_nothing_asked(qid):
    question = GRAPHS[qid]
    for label, fig in zip("ABCD", question.options, strict=True):
        alt = alt_text(fig, label)
        assert not [w for w in ASKED_WORDS if w.lower() in alt.lower()], alt
        assert make_question_figure(fig, label).data
    pictures = [tuple(np.round(_samples(fig), 3)) for fig in question.options]
    assert len(set(pictures)) == 4  # four different pictures


def _samples(fig) -> np.ndarray:
    if isinstance(fig, CurveFigure):
        x, y, _ = curve_data(fig)
    elif isinstance(fig, SoftmaxFigure):
        return np.array(fig.logits, dtype=float)
    elif _is_numdiff(fig):
        return np.log10(np.maximum(numdiff_errors(fig)[::4], 1e-17))
    else:
        x, y = loss_data(fig)
    return np.nan_to_num(np.interp(np.linspace(x[0], x[-1], 40), x, y))


# ── completeness ──────────────────────────────────────────────────────────────────────────

# Conceptual questions: a statement about a rule, nothing to compute beyond what the
# computed questions above already check.
CONCEPTUAL = {
    "bp-add-node": "the add node's rule in words; its values are checked in _works_shop",
    "bp-why-efficient": "why backprop is fast, in words; the cost count is bp-numdiff-cost's",
    "bp-gradcheck-purpose": "what a gradient check is for, in words",
    "bp-affine-bias-sum": "why db is a sum, in words; the sum itself is checked in "
                          "test_affine_gives_back_the_input_shape_and_its_bias_gradient_is_the_"
                          "batch_sum",
    "bp-affine-reshape": "why dx is reshaped, in words; the shape is checked in the same test",
    "bp-reverse-mode": "reverse against forward mode, in words (no lab computes forward mode)",
    "bp-training-memory": "why training keeps more memory, in words; what each layer keeps is "
                          "checked in _works_stored",
}

CHECKED = {*NUMERIC, *BLANKS, *TRACES, *GRAPH_CHECKS, "bp-softmax-loss-dout-unused",
           "bp-backward-call-order", "bp-chain-rule-composite", "bp-affine-dx-rows",
           "bp-numdiff-best-h-central", "bp-numdiff-best-h-forward",
           "bp-mul-node-values", "bp-affine-shapes",
           "bp-gradcheck-relu-mask", "bp-numdiff-cost", "bp-numdiff-error-order",
           "bp-gradcheck-transposed-w", "bp-gradcheck-norm-error", "bp-sum-node",
           "bp-backward-statements"}


def test_every_question_is_checked_or_listed_as_conceptual():
    assert not CHECKED & set(CONCEPTUAL)
    assert set(QUESTIONS) == CHECKED | set(CONCEPTUAL)


def test_every_numeric_blanks_graph_and_code_question_is_computed():
    must = {i for i, v in QUESTIONS.items()
            if v["type"] in ("numeric", "blanks", "graph") or "code" in v}
    assert must <= CHECKED
