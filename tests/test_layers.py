"""The exam-style layers: every backward against central differences on a batch (relative
error ≤ 1e-7 in float64), the textbook's node rules on the shop example, the ReLU mask at 0,
SoftmaxWithLoss's (y − t)/N for both kinds of target, and TwoLayerNet's gradient check."""

from __future__ import annotations

import numpy as np
import pytest

from activations import sigmoid_grad
from layers import (
    AddLayer,
    Affine,
    MulLayer,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
    TwoLayerNet,
    numerical_gradient,
    relative_error,
)
from losses import one_hot

pytestmark = pytest.mark.filterwarnings("error")
RTOL = 1e-7
rng = np.random.default_rng(20261206)


def numeric_grad(loss, at: np.ndarray, h: float = 1e-3) -> np.ndarray:
    """∂loss/∂at by the five-point central difference (error O(h⁴)): accurate to about
    1e-12 even for a gradient's smallest entries, where the two-point one is not."""
    at = np.asarray(at, dtype=float)
    out = np.zeros_like(at)
    for idx in np.ndindex(at.shape):
        step = np.zeros_like(at)
        step[idx] = h
        out[idx] = (loss(at - 2 * step) - 8 * loss(at - step) + 8 * loss(at + step)
                    - loss(at + 2 * step)) / (12 * h)
    return out


def agrees(analytic, numeric) -> bool:
    """Within 1e-7 relative; an entry that is exactly 0 may read ±1e-13 numerically."""
    return np.allclose(analytic, numeric, rtol=RTOL, atol=1e-12)


def through(layer, x: np.ndarray, upstream: np.ndarray):
    """The scalar Σ forward(x)·upstream, whose gradient in x is backward(upstream)."""
    return lambda at: float(np.sum(layer.forward(at) * upstream))


def test_the_shop_example_multiply_and_add_nodes():
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(apple, apple_num)
    orange_price = mul_orange.forward(orange, orange_num)
    all_price = add.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, tax)
    assert price == pytest.approx((100 * 2 + 150 * 3) * 1.1)
    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    # Each is ∂price/∂input of price = (apple·apple_num + orange·orange_num)·tax.
    assert dtax == apple * apple_num + orange * orange_num
    assert dapple_price == dorange_price == tax  # the add node passes it on unchanged
    assert (dapple, dapple_num) == (apple_num * tax, apple * tax)  # multiply: the other input
    assert (dorange, dorange_num) == (orange_num * tax, orange * tax)


def test_relu_masks_x_at_or_below_zero_writing_into_dout_as_the_textbook_does():
    x = np.array([[1.0, -0.5], [0.0, 3.0]])
    layer = Relu()
    np.testing.assert_array_equal(layer.forward(x), [[1.0, 0.0], [0.0, 3.0]])
    dout = np.ones_like(x)
    np.testing.assert_array_equal(layer.backward(dout), [[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(dout, [[1.0, 0.0], [0.0, 1.0]])  # dout[self.mask] = 0


def test_relu_backward_against_central_differences():
    x = rng.normal(size=(4, 5))
    x[np.abs(x) < 0.01] = 0.5  # away from the kink, where the difference is defined
    upstream = rng.normal(size=x.shape)
    layer = Relu()
    layer.forward(x)
    dx = layer.backward(upstream.copy())
    assert agrees(dx, numeric_grad(through(Relu(), x, upstream), x))


def test_sigmoid_backward_is_dout_times_y_one_minus_y():
    x = rng.normal(size=(3, 4)) * 3
    upstream = rng.normal(size=x.shape)
    layer = Sigmoid()
    layer.forward(x)
    dx = layer.backward(upstream)
    np.testing.assert_allclose(dx, upstream * sigmoid_grad(x), rtol=1e-12)
    assert agrees(dx, numeric_grad(through(Sigmoid(), x, upstream), x))
    assert np.isfinite(Sigmoid().forward(np.array([-1000.0, 1000.0]))).all()


def test_affine_backward_dx_dw_db_against_central_differences():
    x, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    upstream = rng.normal(size=(4, 2))
    layer = Affine(W, b)
    layer.forward(x)
    dx = layer.backward(upstream)
    np.testing.assert_allclose(layer.dW, x.T @ upstream, rtol=1e-14)  # dW = xᵀ·dout
    np.testing.assert_allclose(layer.db, upstream.sum(axis=0), rtol=1e-14)  # db = Σ dout
    np.testing.assert_allclose(dx, upstream @ W.T, rtol=1e-14)  # dx = dout·Wᵀ
    assert agrees(dx, numeric_grad(through(Affine(W, b), x, upstream), x))
    assert agrees(layer.dW, numeric_grad(
        lambda w: float(np.sum((x @ w + b) * upstream)), W))
    assert agrees(layer.db, numeric_grad(
        lambda v: float(np.sum((x @ W + v) * upstream)), b))


def test_affine_flattens_an_image_batch_and_gives_dx_its_shape_back():
    x = rng.normal(size=(2, 3, 2, 2))
    W, b = rng.normal(size=(12, 4)), np.zeros(4)
    layer = Affine(W, b)
    out = layer.forward(x)
    assert out.shape == (2, 4)
    assert layer.backward(np.ones((2, 4))).shape == x.shape


@pytest.mark.parametrize("kind", ["labels", "one_hot"])
def test_softmax_with_loss_backward_is_y_minus_t_over_n(kind):
    x = rng.normal(size=(5, 4)) * 2
    labels = rng.integers(0, 4, size=5)
    t = labels if kind == "labels" else one_hot(labels, 4)
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward()
    e = np.exp(x - x.max(axis=1, keepdims=True))
    y = e / e.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(dx, (y - one_hot(labels, 4)) / 5, rtol=1e-12, atol=1e-17)
    numeric = numeric_grad(lambda at: SoftmaxWithLoss().forward(at, t), x)
    assert agrees(dx, numeric)


def test_two_layer_net_gradient_check():
    net = TwoLayerNet(input_size=6, hidden_size=5, output_size=3, weight_init_std=0.5, seed=3)
    x = rng.normal(size=(4, 6))
    t = rng.integers(0, 3, size=4)
    grads = net.gradient(x, t)
    for key, param in net.params.items():
        numeric = numeric_grad(lambda p, key=key: _loss_with(net, key, p, x, t), param)
        assert agrees(grads[key], numeric), key
    # The textbook's own check (h = 1e-4): agreement to about 1e-7 is what it reads as right.
    textbook = net.numerical_gradient(x, t)
    assert max(relative_error(grads[k], textbook[k]) for k in grads) < 1e-5


def _loss_with(net: TwoLayerNet, key: str, value: np.ndarray, x, t) -> float:
    saved = net.params[key].copy()
    net.params[key][...] = value  # the layers hold the same arrays
    try:
        return net.loss(x, t)
    finally:
        net.params[key][...] = saved


def test_numerical_gradient_is_the_central_difference_and_restores_x():
    x = np.array([3.0, 4.0])
    g = numerical_gradient(lambda v: float(v[0] ** 2 + v[1] ** 2), x)
    np.testing.assert_allclose(g, [6.0, 8.0], rtol=1e-8)  # d(x0² + x1²) = (2x0, 2x1)
    np.testing.assert_array_equal(x, [3.0, 4.0])


def test_relative_error_reads_agreement_and_disagreement():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    # ‖(0, −0.2)‖ / (‖(1, 2)‖ + ‖(1, 2.2)‖)
    assert relative_error([1.0, 2.0], [1.0, 2.2]) == pytest.approx(
        0.2 / (5**0.5 + (1 + 2.2**2) ** 0.5))
    assert relative_error([1e-13, 1.0], [0.0, 1.0]) < 1e-12  # round-off at a true zero
    assert relative_error([0.0], [0.0]) == 0.0


def test_two_layer_net_learns_a_separable_toy_problem():
    net = TwoLayerNet(2, 8, 2, weight_init_std=0.5, seed=0)
    x = rng.normal(size=(64, 2))
    t = (x[:, 0] + x[:, 1] > 0).astype(int)
    before = net.loss(x, t)
    for _ in range(200):
        grads = net.gradient(x, t)
        for key in net.params:
            net.params[key] -= 0.5 * grads[key]
    assert net.loss(x, t) < before / 4 and net.accuracy(x, t) > 0.9
