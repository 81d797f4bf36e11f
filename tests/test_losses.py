"""The loss functions: values within 1e-12 relative of 50-digit mpmath references,
gradients against the references' derivatives, the conventions the exam asks about (½Σ vs
the mean, one-hot vs label index, the textbook's + 1e-7), the identities between them, and
stability over the whole float64 range with warnings as errors."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import losses as L
from activations import sigmoid, softmax
from tests import loss_references as ref

pytestmark = pytest.mark.filterwarnings("error")
RTOL = 1e-12


def close(got, want, rtol=RTOL) -> bool:
    want = float(want) if not isinstance(want, float) else want
    if math.isinf(want):
        return got == want
    return abs(got - want) <= rtol * abs(want) + 1e-300


P_T = [(0.5, 1), (0.9, 0), (1e-12, 1), (1 - 1e-12, 1), (1e-300, 0), (0.3, 0.3), (0.75, 0.2),
       (5e-324, 1), (0.999999999, 0)]


@pytest.mark.parametrize(("p", "t"), P_T)
def test_binary_cross_entropy_from_probabilities(p, t):
    assert close(float(L.binary_cross_entropy(p, t)), ref.bce(p, t))
    assert close(float(L.binary_cross_entropy_grad(p, t)), ref.bce_grad(p, t), 1e-11)


def test_binary_cross_entropy_at_the_ends_is_the_true_value():
    assert L.binary_cross_entropy([0.0, 1.0], [0, 1]).tolist() == [0.0, 0.0]
    assert L.binary_cross_entropy([0.0, 1.0], [1, 0]).tolist() == [math.inf, math.inf]
    # The limits of −t/p + (1 − t)/(1 − p): 1 and −1 where p = t, ∓inf where wrong.
    assert L.binary_cross_entropy_grad([0.0, 1.0, 0.0, 1.0], [0, 1, 1, 0]).tolist() == [
        1.0, -1.0, -math.inf, math.inf]


A_T = [(0.0, 1), (2.0, 0), (-3.5, 1), (40.0, 1), (-40.0, 0), (700.0, 0.3), (-745.0, 1),
       (1e300, 1), (-1e300, 1), (1e-20, 0.5), (3.0, 0.75)]


@pytest.mark.parametrize(("a", "t"), A_T)
def test_binary_cross_entropy_from_logits(a, t):
    assert close(float(L.binary_cross_entropy_with_logits(a, t)), ref.bce_logits(a, t))


@pytest.mark.parametrize(("a", "t"), [(a, t) for a, t in A_T if t in (0, 1)])
def test_sigmoid_bce_gradient_is_y_minus_t_to_full_precision(a, t):
    assert close(float(L.binary_cross_entropy_with_logits_grad(a, t)),
                 ref.bce_logits_grad(a, t))


@pytest.mark.parametrize(("a", "t"), [(0.2, 0.3), (3.0, 0.75), (-1.0, 0.4)])
def test_a_soft_target_gradient_is_accurate_to_the_size_of_y_and_t(a, t):
    want = ref.bce_logits_grad(a, t)
    got = float(L.binary_cross_entropy_with_logits_grad(a, t))
    assert abs(got - float(want)) <= 1e-15 * (abs(float(sigmoid(a))) + abs(t))


def test_bce_from_logits_is_bce_of_the_sigmoid_where_both_are_exact():
    a = np.linspace(-8, 8, 33)
    for t in (0.0, 1.0, 0.25):
        np.testing.assert_allclose(L.binary_cross_entropy_with_logits(a, t),
                                   L.binary_cross_entropy(sigmoid(a), t), rtol=1e-12)


LOGITS = [([1.0, 2.0, 3.0], 2), ([1010.0, 1000.0, 990.0], 0), ([1010.0, 1000.0, 990.0], 2),
          ([0.0, 0.0], 1), ([40.0, 0.0, -40.0], 0), ([-1e300, 1e300, 0.0], 1), ([3.0, -2.0], 1),
          ([90.0, 0.0], 0)]  # a tiny loss: the reference must not lose it to 1 + 1e-39


@pytest.mark.parametrize(("logits", "label"), LOGITS)
def test_softmax_cross_entropy_and_its_gradient(logits, label):
    assert close(L.softmax_cross_entropy([logits], [label]), ref.softmax_ce(logits, label))
    grad = L.softmax_cross_entropy_grad([logits], [label])[0]
    for got, want in zip(grad, ref.softmax_ce_grad(logits, label), strict=True):
        assert close(float(got), want)


def test_one_hot_and_label_index_targets_agree_and_average_over_the_batch():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(5, 4)) * 3
    labels = rng.integers(0, 4, size=5)
    onehot = L.one_hot(labels, 4)
    per_sample = [float(ref.softmax_ce(row, k)) for row, k in zip(a, labels, strict=True)]
    assert close(L.softmax_cross_entropy(a, labels), sum(per_sample) / 5, 1e-14)
    assert L.softmax_cross_entropy(a, onehot) == L.softmax_cross_entropy(a, labels)
    np.testing.assert_array_equal(L.softmax_cross_entropy_grad(a, onehot),
                                  L.softmax_cross_entropy_grad(a, labels))
    y = softmax(a, axis=-1)
    assert close(L.cross_entropy(y, labels), sum(per_sample) / 5, 1e-13)
    # (y − t)/N: the line of SoftmaxWithLoss.backward.
    np.testing.assert_allclose(L.softmax_cross_entropy_grad(a, labels), (y - onehot) / 5,
                               rtol=1e-12, atol=1e-17)


def test_the_fused_gradient_is_the_chain_through_the_softmax_jacobian():
    from activations import softmax_jacobian
    a, t = np.array([0.3, -1.2, 2.0]), np.array([0.0, 1.0, 0.0])
    y = softmax(a)
    via_jacobian = softmax_jacobian(a).T @ L.cross_entropy_grad(y, t)[0]
    np.testing.assert_allclose(L.softmax_cross_entropy_grad(a, t)[0], via_jacobian,
                               rtol=1e-12)


def test_the_textbooks_cross_entropy_error_and_its_one_e_minus_seven():
    y = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]])
    t = np.array([[0, 0, 1, 0, 0, 0, 0, 0, 0, 0]])
    assert close(L.cross_entropy_error(y, t), -math.log(0.6 + 1e-7), 1e-15)
    assert L.cross_entropy_error(y, np.array([2])) == L.cross_entropy_error(y, t)  # label index
    assert close(L.cross_entropy(y, t), -math.log(0.6), 1e-15)  # the exact value
    # Where y = 0 at the label: −log(1e-7) instead of inf.
    assert close(L.cross_entropy_error(y, np.array([3])), -math.log(1e-7), 1e-15)
    assert L.cross_entropy(y, [3]) == math.inf
    # A batch: the mean of the samples.
    two = np.vstack([y, y[:, ::-1]])
    want = (-math.log(0.6 + 1e-7) - math.log(0.1 + 1e-7)) / 2
    assert close(L.cross_entropy_error(two, np.array([2, 2])), want, 1e-15)


def test_cross_entropy_gradient_with_respect_to_the_probabilities():
    y, t = np.array([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]), np.array([1, 2])
    want = np.zeros_like(y)
    want[0, 1], want[1, 2] = -1 / (2 * 0.5), -1 / (2 * 0.1)
    np.testing.assert_allclose(L.cross_entropy_grad(y, t), want, rtol=1e-15)


def test_squared_error_conventions():
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    t = np.zeros(10)
    t[2] = 1
    sq = float(np.sum((y - t) ** 2))
    assert close(L.mean_squared_error(y, t), sq / 2, 1e-15)  # ½Σ: the textbook and the exam
    assert close(L.mean_squared_error(y, t, "sum"), sq, 1e-15)
    assert close(L.mean_squared_error(y, t, "mean"), sq / 10, 1e-15)  # PyTorch MSELoss
    np.testing.assert_array_equal(L.mean_squared_error_grad(y, t), y - t)
    np.testing.assert_allclose(L.mean_squared_error_grad(y, t, "mean"), 2 * (y - t) / 10)
    with pytest.raises(ValueError, match="convention"):
        L.mean_squared_error(y, t, "average")


@pytest.mark.parametrize("convention", L.CONVENTIONS)
def test_each_convention_gradient_is_the_derivative_of_its_loss(convention):
    y, t = np.array([0.3, -1.2, 2.0, 0.7]), np.array([0.0, 1.0, 1.5, 0.7])
    h = 1e-6
    numeric = [(L.mean_squared_error(y + h * e, t, convention)
                - L.mean_squared_error(y - h * e, t, convention)) / (2 * h) for e in np.eye(4)]
    np.testing.assert_allclose(L.mean_squared_error_grad(y, t, convention), numeric,
                               rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize(("y", "t", "delta"), [(0.3, 0.0, 1.0), (3.0, 0.0, 1.0), (-5.0, 2.0, 0.5),
                                                (1e300, -1e300, 2.0), (1.0, 0.0, 1.0)])
def test_huber(y, t, delta):
    assert close(float(L.huber(y, t, delta)), ref.huber(y, t, delta))
    r = y - t
    assert float(L.huber_grad(y, t, delta)) == max(-delta, min(delta, r))


def test_kl_divergence_and_entropy():
    p, q = [0.5, 0.3, 0.2, 0.0], [0.25, 0.25, 0.25, 0.25]
    assert close(float(L.kl_divergence(p, q)), ref.kl(p, q))
    assert close(float(L.entropy(p)), ref.entropy(p))
    assert L.kl_divergence(p, p) == 0.0
    assert L.kl_divergence(p, q) != pytest.approx(L.kl_divergence(q, p))  # not symmetric
    assert L.kl_divergence(q, p) == math.inf  # q > 0 where p = 0
    # cross-entropy = entropy + KL
    ce = float(-sum(pk * mp.log(qk) for pk, qk in zip(p, q, strict=True) if pk))
    assert close(float(L.entropy(p) + L.kl_divergence(p, q)), ce, 1e-14)
    h = 1e-7
    q = np.array(q)
    numeric = [(L.kl_divergence(p, q + h * e) - L.kl_divergence(p, q - h * e)) / (2 * h)
               for e in np.eye(4)]
    np.testing.assert_allclose(L.kl_divergence_grad(p, q), numeric, rtol=1e-7)


finite = st.floats(allow_nan=False, allow_infinity=False)
unit = st.floats(0.0, 1.0)


@settings(max_examples=300, deadline=None)
@given(a=finite, t=unit)
def test_bce_from_logits_is_finite_and_accurate_over_all_float64(a, t):
    got = float(L.binary_cross_entropy_with_logits(a, t))
    assert math.isfinite(got)
    assert close(got, ref.bce_logits(a, t))
    g = float(L.binary_cross_entropy_with_logits_grad(a, t))
    assert -1.0 <= g <= 1.0


@settings(max_examples=300, deadline=None)
@given(p=unit, t=st.sampled_from([0.0, 1.0]))
def test_bce_from_probabilities_never_gives_nan(p, t):
    got = float(L.binary_cross_entropy(p, t))
    assert not math.isnan(got) and got >= 0
    assert close(got, ref.bce(p, t)) if 0 < p < 1 else True
    assert not math.isnan(float(L.binary_cross_entropy_grad(p, t)))


@settings(max_examples=200, deadline=None)
@given(a=st.lists(finite, min_size=2, max_size=5), data=st.data())
def test_softmax_cross_entropy_over_all_float64(a, data):
    label = data.draw(st.integers(0, len(a) - 1))
    got = L.softmax_cross_entropy([a], [label])
    want = ref.softmax_ce(a, label)
    assert close(got, want) or (got == math.inf and want > 1.7976931348623157e308)
    grad = L.softmax_cross_entropy_grad([a], [label])
    assert np.isfinite(grad).all() and abs(float(np.sum(grad))) <= 1e-15 * len(a)


@settings(max_examples=200, deadline=None)
@given(y=finite, t=finite)
def test_regression_losses_never_give_nan(y, t):
    for value in (L.squared_error(y, t), L.squared_error_grad(y, t), L.huber(y, t),
                  L.huber_grad(y, t)):
        assert not np.isnan(value)
