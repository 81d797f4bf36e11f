"""The step model of /backprop: the number of steps, what each step reveals, and every value
and gradient on the graphs against the formulas written out here in plain NumPy (the page's
rules: multiply swaps, add passes on, Affine's dx, dW, db, ReLU masks, sigmoid y(1 − y),
Softmax-with-Loss (y − t)/N)."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import ACTIVATIONS, apple_graph, network_graph, shop_graph
from backprop.graph import CLASSES, OUTPUT, make_net
from viewstate.backprop import DEFAULT_SEED, DEFAULT_T, DEFAULT_X, step_view, swapped_products

pytestmark = pytest.mark.filterwarnings("error")
rng = np.random.default_rng(17)


def all_graphs():
    yield apple_graph()
    yield shop_graph()
    yield shop_graph(80, 5, 120.5, 0, 1.08)
    for activation in ACTIVATIONS:
        yield network_graph(DEFAULT_X, DEFAULT_T, DEFAULT_SEED, activation)
        yield network_graph(rng.normal(size=(4, 2)), [2, 0, 1, 1], 7, activation)


def test_the_textbook_apple_example():
    g = apple_graph(100, 2, 1.1)  # ゼロから作るDeep Learning, 5.4.1: 220 yen
    assert g.edges["price"].value == pytest.approx(220)
    assert (g.edges["apple"].grad, g.edges["apple_num"].grad, g.edges["tax"].grad) == (
        pytest.approx(2.2), pytest.approx(110), pytest.approx(200))


def test_the_shop_example_against_the_derivatives_of_its_formula():
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    g = shop_graph(apple, apple_num, orange, orange_num, tax)
    e = g.edges
    # price = (apple·apple_num + orange·orange_num)·tax, differentiated by hand
    assert e["price"].value == pytest.approx((100 * 2 + 150 * 3) * 1.1)  # 715
    assert e["apple"].grad == pytest.approx(apple_num * tax)
    assert e["apple_num"].grad == pytest.approx(apple * tax)
    assert e["orange"].grad == pytest.approx(orange_num * tax)
    assert e["orange_num"].grad == pytest.approx(orange * tax)
    assert e["tax"].grad == pytest.approx(apple * apple_num + orange * orange_num)


@pytest.mark.parametrize("graph", list(all_graphs()), ids=lambda g: g.name)
def test_steps_reveal_values_forward_then_gradients_backward(graph):
    n = len(graph.nodes)
    assert graph.last_step == 2 * n
    assert graph.at(0) is None
    order = [graph.at(s) for s in range(1, 2 * n + 1)]
    assert [a[0] for a in order[:n]] == list(graph.nodes)
    assert [a[0] for a in order[n:]] == list(reversed(graph.nodes))
    assert {a[1] for a in order[:n]} == {"forward"} and {a[1] for a in order[n:]} == {"backward"}
    sources = set(graph.sources())
    for key in graph.edges:
        assert graph.value_known(key, 0) == (key in sources)
        assert graph.value_known(key, n)  # forward done: every value
        assert not graph.grad_known(key, n)  # and no gradient yet
        assert graph.grad_known(key, 2 * n) == (graph.edges[key].grad is not None)
    for step in range(1, 2 * n + 1):
        node, direction = graph.at(step)
        if direction == "forward":  # this step reveals exactly its node's output
            new = {k for k in graph.edges if graph.value_known(k, step)
                   and not graph.value_known(k, step - 1)}
            assert new == {node.output}
        else:  # the node's inputs get their gradients (the output's own comes first)
            new = {k for k in graph.edges if graph.grad_known(k, step)
                   and not graph.grad_known(k, step - 1)}
            expected = {k for k in node.inputs if graph.edges[k].grad is not None}
            if step == n + 1:
                expected.add(node.output)
                assert graph.edges[node.output].dst == OUTPUT
                assert graph.edges[node.output].grad == 1  # dL/dL
            assert new == expected
    assert graph.clamp(-3) == 0 and graph.clamp(99) == 2 * n


@pytest.mark.parametrize("graph", list(all_graphs()), ids=lambda g: g.name)
def test_each_step_view_shows_the_values_of_the_graph(graph):
    n = len(graph.nodes)
    assert step_view(graph, 0) is None
    for step in range(1, 2 * n + 1):
        view = step_view(graph, step)
        node, direction = graph.at(step)
        e = graph.edges
        if direction == "forward":
            assert [k for k, _ in view.read] == list(node.inputs)
            assert all(v is e[k].value for k, v in view.read)
            assert view.wrote == ((node.output, e[node.output].value),)
        else:
            assert view.read == ((node.output, e[node.output].grad),)
            assert [k for k, _ in view.wrote] == [k for k in node.inputs if e[k].grad is not None]


@pytest.mark.parametrize("graph", [apple_graph(), shop_graph(), shop_graph(3, 7, 2, 9, 1.25)])
def test_multiply_swaps_the_inputs_and_add_passes_the_gradient_on(graph):
    e = graph.edges
    for node in graph.nodes:
        up = e[node.output].grad
        a, b = node.inputs
        if node.kind == "mul":  # 乗算ノードは入力を入れ替えて掛ける
            assert e[node.output].value == pytest.approx(e[a].value * e[b].value)
            assert e[a].grad == pytest.approx(up * e[b].value)
            assert e[b].grad == pytest.approx(up * e[a].value)
            for k, upstream, other, other_value, grad in swapped_products(graph, node.key):
                assert upstream * other_value == pytest.approx(grad)
                assert grad == e[k].grad and other_value == e[other].value
        else:  # 加算ノードはそのまま流す
            assert node.kind == "add"
            assert e[node.output].value == pytest.approx(e[a].value + e[b].value)
            assert e[a].grad == up and e[b].grad == up


def softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize(("x", "t", "seed"), [
    (DEFAULT_X, DEFAULT_T, DEFAULT_SEED),
    (rng.normal(size=(3, 2)) * 3, [1, 1, 0], 11),
    ([[0.5, -2.0]], [2], 0),
])
def test_the_network_against_its_formulas(x, t, seed, activation):
    g = network_graph(x, t, seed, activation)
    e = {k: v.value for k, v in g.edges.items()}
    d = {k: v.grad for k, v in g.edges.items()}
    p = make_net(seed, activation).params
    x = np.asarray(x, dtype=float)
    n = len(x)
    t = np.asarray(t)
    onehot = np.eye(CLASSES)[t]
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(e[key], p[key])  # the seeded weights
    np.testing.assert_allclose(e["a1"], x @ p["W1"] + p["b1"], rtol=1e-14)  # a = x·W + b
    if activation == "relu":
        np.testing.assert_array_equal(e["h1"], np.where(e["a1"] > 0, e["a1"], 0))
    else:
        np.testing.assert_allclose(e["h1"], 1 / (1 + np.exp(-e["a1"])), rtol=1e-14)
    np.testing.assert_allclose(e["a2"], e["h1"] @ p["W2"] + p["b2"], rtol=1e-13, atol=1e-15)
    y = softmax(e["a2"])
    assert e["L"] == pytest.approx(-np.mean(np.log(y[np.arange(n), t])), rel=1e-12)
    # backward, from the output
    np.testing.assert_allclose(d["a2"], (y - onehot) / n, rtol=1e-12, atol=1e-16)  # (y − t)/N
    np.testing.assert_allclose(d["h1"], d["a2"] @ p["W2"].T, rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(d["W2"], e["h1"].T @ d["a2"], rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(d["b2"], d["a2"].sum(axis=0), rtol=1e-13, atol=1e-16)
    if activation == "relu":  # the mask: input ≤ 0 in forward gets no gradient
        np.testing.assert_array_equal(d["a1"], np.where(e["a1"] > 0, d["h1"], 0))
        assert g.kept["act"][0] == "mask"
        np.testing.assert_array_equal(g.kept["act"][1], e["a1"] <= 0)
    else:  # y(1 − y)
        h = e["h1"]
        np.testing.assert_allclose(d["a1"], d["h1"] * h * (1 - h), rtol=1e-13, atol=1e-16)
        assert g.kept["act"][0] == "out"
        np.testing.assert_array_equal(g.kept["act"][1], h)
    assert g.kept["loss"][0] == "y"  # what the page shows beside (y − t)/N
    np.testing.assert_allclose(g.kept["loss"][1], y, rtol=1e-14)
    np.testing.assert_allclose(d["W1"], x.T @ d["a1"], rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(d["b1"], d["a1"].sum(axis=0), rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(d["x"], d["a1"] @ p["W1"].T, rtol=1e-13, atol=1e-16)
    assert d["t"] is None and d["L"] == 1
    for key in ("x", "W1", "b1", "W2", "b2"):
        assert np.shape(d[key]) == np.shape(e[key])  # a gradient has its variable's shape


def test_relu_writing_into_dout_does_not_change_the_gradient_kept_for_h1():
    g = network_graph(DEFAULT_X, DEFAULT_T, DEFAULT_SEED)
    assert (g.edges["a1"].value <= 0).any()  # the mask is not empty: the test can fail
    np.testing.assert_allclose(g.edges["h1"].grad, g.edges["a2"].grad @ g.edges["W2"].value.T)


def test_an_unknown_activation_is_refused():
    with pytest.raises(ValueError, match="activation"):
        network_graph(DEFAULT_X, DEFAULT_T, 0, "tanh")
