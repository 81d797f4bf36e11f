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

from backprop import apple_graph, gradient_check, shop_graph
from backprop.bugs import no_batch_mean_error
from layers import AddLayer, Affine, MulLayer, TwoLayerNet, numerical_gradient
from viewstate import backprop as lab

from . import bank_refs_backprop as ref

BANK = Path(__file__).resolve().parent.parent / "quiz_data" / "backprop.yaml"
QUESTIONS = {q["id"]: q for q in yaml.safe_load(BANK.read_text(encoding="utf-8"))["questions"]}


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


# ── blanks: each option's fill-ins are put into the code and run ──────────────────────────

def _fill(code: str, fills: list[str], labels: list[str]) -> str:
    for label, fill in zip(labels, fills, strict=True):
        code = code.replace(f"（{label}）", fill.strip("`"))
    return code


def _code_block(text: str) -> str:
    return textwrap.dedent(re.search(r"```python\n(.*?)```", text, re.S).group(1))


def _works_shop(fills: list[str]) -> bool:
    g = shop_graph(100.0, 2.0, 150.0, 3.0, 1.1)
    want = [g.edges[k].grad for k in ("all_price", "orange_num", "tax")]
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


BLANKS: dict[str, Callable[[list[str]], bool]] = {
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
    from activations.exam_style import Relu
    layer = Relu()
    out = layer.forward(np.array([2.0, -1.0, 0.5]))
    g = np.array([3.0, 3.0, 3.0])
    layer.backward(g)
    return printed(g), [printed(np.full(3, 3.0)), printed(out), printed((~layer.mask) * 1.0)]


TRACES: dict[str, Callable[[], tuple[str, list[str]]]] = {
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


# ── completeness ──────────────────────────────────────────────────────────────────────────

# Conceptual questions: a statement about a rule, nothing to compute beyond what the
# computed questions above already check.
CONCEPTUAL = {
    "bp-add-node": "the add node's rule in words; its values are checked in _works_shop",
}

CHECKED = {*NUMERIC, *BLANKS, *TRACES, "bp-mul-node-values", "bp-affine-shapes",
           "bp-gradcheck-relu-mask"}


def test_every_question_is_checked_or_listed_as_conceptual():
    assert not CHECKED & set(CONCEPTUAL)
    assert set(QUESTIONS) == CHECKED | set(CONCEPTUAL)


def test_every_numeric_blanks_graph_and_code_question_is_computed():
    must = {i for i, v in QUESTIONS.items()
            if v["type"] in ("numeric", "blanks", "graph") or "code" in v}
    assert must <= CHECKED
