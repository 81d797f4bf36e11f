"""The code a learner studies (activations/exam_style.py) computes what the library computes.

Every function is run over a wide range (±1000 densely, magnitudes from 1e-300 to 1e4) with
NumPy's floating-point warnings raised as errors, and compared with the registry's stable
function: never NaN or inf where the true value is finite. The textbook lines its comments
call broken are run too, to check that each comment says where they break. The loss layer's
backward is checked against central differences of the cross-entropy on a batch.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import activations as act
from activations import exam_style as ex
from tests.apptest import open_page

X = np.unique(np.concatenate([
    np.linspace(-1000, 1000, 20001), np.logspace(-300, 4, 400), -np.logspace(-300, 4, 400),
    [0.0, -0.0, 709.78, 710.0, -710.0, -40.0, -37.0]]))

# (exam-style function, the library's, absolute tolerance). The GELU forms compute 1 + erf
# and 1 + tanh, which round to 0 far left where the true value is below 3e-16 (their comments
# say so and a test below checks it); everything else agrees to 1e-12 relative.
PAIRS = {
    "step_function": (ex.step_function, act.step, 0.0),
    "sigmoid": (ex.sigmoid, act.sigmoid, 1e-300),
    "tanh": (ex.tanh, act.tanh, 0.0),
    "identity_function": (ex.identity_function, act.identity, 0.0),
    "relu": (ex.relu, act.relu, 0.0),
    "leaky_relu": (ex.leaky_relu, act.leaky_relu, 0.0),
    "elu": (ex.elu, act.elu, 0.0),
    "gelu": (ex.gelu, act.gelu, 1e-15),
    "gelu_tanh": (ex.gelu_tanh, lambda x: act.gelu(x, approximate=True), 1e-15),
    "softplus": (ex.softplus, act.softplus, 0.0),
    "swish": (ex.swish, act.swish, 1e-300),
    "mish": (ex.mish, act.mish, 0.0),
    "selu": (ex.selu, act.selu, 0.0),
    "prelu": (lambda x: ex.prelu(x, 0.25), act.prelu, 0.0),
    "relu6": (ex.relu6, act.relu6, 0.0),
    "hard_sigmoid": (ex.hard_sigmoid, act.hard_sigmoid, 0.0),
    "hard_swish": (ex.hard_swish, act.hard_swish, 0.0),
}
VECTOR = {"softmax": (ex.softmax, act.softmax), "log_softmax": (ex.log_softmax, act.log_softmax)}


def strict(fn, *args):
    """fn(*args) with every floating-point warning an error, as a careful learner would run it."""
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        return fn(*args)


def test_every_function_of_the_module_is_checked():
    public = {n for n in dir(ex) if not n.startswith("_") and callable(getattr(ex, n))}
    public -= {"erf"}  # imported from scipy
    layers = {"Sigmoid", "Relu", "Tanh", "SoftmaxWithLoss", "cross_entropy_error"}
    assert public == set(PAIRS) | set(VECTOR) | layers


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_elementwise_agrees_with_the_library_everywhere(name):
    exam, lib, atol = PAIRS[name]
    got, want = strict(exam, X), lib(X)
    assert np.isfinite(got[np.isfinite(want)]).all()
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=atol)


@pytest.mark.parametrize(("name", "scale"), [(n, s) for n in VECTOR for s in (1.0, 30.0, 1000.0)])
def test_softmax_works_row_by_row_on_a_batch(name, scale):
    """(N, C) logits: each row is normalised on its own, whatever the other rows hold."""
    exam, lib = VECTOR[name]
    rng = np.random.default_rng(0)
    a = scale * rng.standard_normal((6, 5)) + scale * np.arange(6)[:, None]
    got = strict(exam, a)
    assert got.shape == a.shape and np.isfinite(got).all()
    np.testing.assert_allclose(got, lib(a, axis=-1), rtol=1e-12, atol=1e-12)
    for row in range(a.shape[0]):  # the batch gives what each sample gives alone
        np.testing.assert_allclose(got[row], strict(exam, a[row]), rtol=1e-12, atol=1e-12)
    if name == "softmax":
        np.testing.assert_allclose(got.sum(axis=-1), 1.0, rtol=1e-12)


def test_softmax_overflow_example():
    got = strict(ex.softmax, np.array([1010.0, 1000.0, 990.0]))
    np.testing.assert_allclose(got, act.softmax([1010.0, 1000.0, 990.0]), rtol=1e-12)


# --------------------------------------------------------- the comments tell the truth
def naive_softplus(x):
    return np.log(1 + np.exp(x))


def naive_tanh(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def naive_sigmoid(x):
    return 1 / (1 + np.exp(-x))


def test_the_textbook_lines_break_where_the_comments_say():
    with np.errstate(all="ignore"):
        assert np.isinf(naive_softplus(710.0)) and np.isfinite(naive_softplus(709.0))
        left = np.linspace(-1000, -37, 2000)
        assert (naive_softplus(left) == 0).all() and naive_softplus(-36.0) > 0
        assert (ex.softplus(left[left > -700]) > 0).all()  # e^x is still a normal number
        assert np.isnan(naive_tanh(np.array([710.0, -710.0]))).all()
        assert np.isfinite(naive_tanh(np.array([709.0, -709.0]))).all()
    with pytest.raises(FloatingPointError), np.errstate(over="raise"):
        naive_sigmoid(-710.0)
    with np.errstate(over="raise"):
        naive_sigmoid(-709.0)
    # GELU's two forms return 0 far left, where the true value is smaller than 3e-16
    for exam, cut, approximate in ((ex.gelu, -8.4, False), (ex.gelu_tanh, -7.2, True)):
        left = np.linspace(-50, cut, 2000)
        assert (exam(left) == 0).all()
        assert (np.abs(act.gelu(left, approximate=approximate)) < 3e-16).all()
        assert exam(cut + 0.1) != 0


def test_the_batch_pitfall_the_comment_describes():
    """np.max / np.sum over the whole batch: rows no longer sum to 1 (one sample: the same)."""
    a = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    whole = np.exp(a - np.max(a)) / np.sum(np.exp(a - np.max(a)))
    assert not np.allclose(whole.sum(axis=-1), 1.0)
    one = a[0]
    np.testing.assert_allclose(np.exp(one - np.max(one)) / np.sum(np.exp(one - np.max(one))),
                               ex.softmax(one), rtol=1e-15)


# ----------------------------------------------------------------- the loss and its layer
def batch(n: int = 4, c: int = 5, seed: int = 1):
    rng = np.random.default_rng(seed)
    x = 2.0 * rng.standard_normal((n, c))
    labels = rng.integers(0, c, n)
    return x, labels, np.eye(c)[labels]


def true_loss(x, labels) -> float:
    """Mean cross-entropy of softmax(x) from the library's log-softmax (no 1e-7)."""
    return float(-np.mean(act.log_softmax(x, axis=-1)[np.arange(len(labels)), labels]))


def test_cross_entropy_one_hot_and_label_forms_agree():
    x, labels, one_hot = batch()
    y = act.softmax(x, axis=-1)
    by_label = strict(ex.cross_entropy_error, y, labels)
    by_one_hot = strict(ex.cross_entropy_error, y, one_hot)
    assert by_label == pytest.approx(by_one_hot, rel=1e-14)
    # the + 1e-7 moves the loss by less than 1e-7 / min y of the labelled entries
    assert by_label == pytest.approx(true_loss(x, labels), rel=1e-6)
    # one sample, 1-D, is a batch of one
    assert strict(ex.cross_entropy_error, y[0], one_hot[0]) == pytest.approx(
        strict(ex.cross_entropy_error, y[:1], labels[:1]), rel=1e-14)


def test_the_small_constant_keeps_a_zero_probability_finite():
    y = np.array([[1.0, 0.0]])
    got = strict(ex.cross_entropy_error, y, np.array([1]))
    assert got == pytest.approx(-np.log(1e-7)) and got == pytest.approx(16.118, abs=1e-3)


@pytest.mark.parametrize("form", ["label", "one_hot"])
def test_softmax_with_loss_backward_is_the_gradient(form):
    """backward() is ∂L/∂x, L the mean cross-entropy: central differences on a batch."""
    x, labels, one_hot = batch()
    t = labels if form == "label" else one_hot
    layer = ex.SoftmaxWithLoss()
    loss = strict(layer.forward, x, t)
    assert loss == pytest.approx(true_loss(x, labels), rel=1e-6)
    y_before = layer.y.copy()
    dx = strict(layer.backward)
    np.testing.assert_array_equal(layer.y, y_before)  # backward leaves the forward's y alone
    np.testing.assert_allclose(dx, (act.softmax(x, axis=-1) - one_hot) / len(labels), rtol=1e-12)
    h = 1e-5
    numeric = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += h
        minus[idx] -= h
        numeric[idx] = (true_loss(plus, labels) - true_loss(minus, labels)) / (2 * h)
    np.testing.assert_allclose(dx, numeric, rtol=1e-7, atol=1e-10)


def test_the_softmax_code_shows_the_loss_layer():
    """The softmax lab and the explorer show SPEC.exam_source(): the loss layer is in it."""
    source = act.REGISTRY["softmax"].exam_source()
    for line in ("c = np.max(a, axis=-1, keepdims=True)", "def cross_entropy_error(y, t):",
                 "delta = 1e-7", "class SoftmaxWithLoss:", "dx = (self.y - self.t) / batch_size"):
        assert line in source


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_softmax_lab_shows_the_loss_layer_and_says_what_is_asked(lang):
    at = open_page("softmax", lang=lang)
    assert not at.exception
    assert any("dx = (self.y - self.t) / batch_size" in c.value for c in at.code)
    assert any("SoftmaxWithLoss" in c.value and "batch_size" in c.value for c in at.caption)
