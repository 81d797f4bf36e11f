"""Dropout (the textbook's and inverted) and weight decay (L2, L1) in the exam's form."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from regularization import Dropout, InvertedDropout, l1_grad, l1_penalty, l2_grad, l2_penalty

pytestmark = pytest.mark.filterwarnings("error")

FORMS = [Dropout, InvertedDropout]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("ratio", [0.1, 0.5, 0.8])
def test_expectation_is_preserved_between_training_and_inference(form, ratio):
    # Textbook: E[x·M] = (1 − r)·x = its inference output. Inverted: E[x·M/(1 − r)] = x.
    x = np.linspace(-2.0, 3.0, 50)
    layer = form(ratio, rng=0)
    train = np.mean([layer.forward(x, train_flg=True) for _ in range(4000)], axis=0)
    infer = layer.forward(x, train_flg=False)
    # One draw has std |x|·√(r(1 − r)) (textbook) or |x|·√(r/(1 − r)) (inverted); the mean
    # of 4000 draws is within 5 standard errors of its expectation (seeded: repeatable).
    spread = np.sqrt(ratio * (1 - ratio)) if form is Dropout else np.sqrt(ratio / (1 - ratio))
    assert np.all(np.abs(train - infer) <= 5 * np.abs(x) * spread / np.sqrt(4000))


def test_textbook_form_scales_at_inference_and_inverted_does_not():
    x = np.array([1.0, -2.0, 4.0])
    assert_allclose(Dropout(0.3).forward(x, train_flg=False), 0.7 * x, rtol=1e-15)
    assert_allclose(InvertedDropout(0.3).forward(x, train_flg=False), x, rtol=0)


@pytest.mark.parametrize("form", FORMS)
def test_training_keeps_the_mask_and_drops_about_the_ratio(form):
    x = np.ones((200, 100))
    layer = form(0.25, rng=1)
    y = layer.forward(x, train_flg=True)
    assert layer.mask.dtype == bool and layer.mask.shape == x.shape
    assert np.all(y[~layer.mask] == 0)
    kept_value = 1.0 if form is Dropout else 1 / 0.75
    assert_allclose(y[layer.mask], kept_value, rtol=1e-15)
    assert abs((~layer.mask).mean() - 0.25) < 0.01  # 20 000 units: SE ≈ 0.003


@pytest.mark.parametrize("form", FORMS)
def test_backward_matches_the_mask(form):
    # y is linear in x for a fixed mask, so dL/dx for L = Σ dout·y is the factor on x.
    rng = np.random.default_rng(2)
    x, dout = rng.normal(size=(5, 7)), rng.normal(size=(5, 7))
    layer = form(0.4, rng=3)
    y = layer.forward(x, train_flg=True)
    dx = layer.backward(dout)
    factor = np.where(layer.mask, 1.0 if form is Dropout else 1 / 0.6, 0.0)
    assert_allclose(dx, dout * factor, rtol=1e-15)
    assert_allclose(y, x * factor, rtol=1e-15)


@pytest.mark.parametrize("form", FORMS)
def test_seeded_masks_repeat(form):
    x = np.ones(1000)
    a, b, c = form(0.5, rng=7), form(0.5, rng=7), form(0.5, rng=8)
    assert np.array_equal(a.forward(x), b.forward(x))
    assert not np.array_equal(a.forward(x), c.forward(x))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("ratio", [-0.1, 1.0, 1.5])
def test_ratio_outside_zero_one_is_refused(form, ratio):
    with pytest.raises(ValueError, match="dropout_ratio"):
        form(ratio)


@pytest.mark.parametrize("form", FORMS)
def test_ratio_zero_is_the_identity(form):
    x = np.arange(6.0)
    layer = form(0.0, rng=0)
    assert_allclose(layer.forward(x, True), x)
    assert_allclose(layer.forward(x, False), x)


def _central(f, W, h=1e-6):
    g = np.zeros_like(W)
    for i in np.ndindex(W.shape):
        e = np.zeros_like(W)
        e[i] = h
        g[i] = (f(W + e) - f(W - e)) / (2 * h)
    return g


def test_l2_penalty_and_gradient():
    # ½·0.1·(1 + 4 + 9 + 0.25) = 0.7125; the gradient λW by central differences
    W = np.array([[1.0, -2.0], [3.0, 0.5]])
    assert l2_penalty(W, 0.1) == pytest.approx(0.7125, rel=1e-15)
    assert_allclose(l2_grad(W, 0.1), _central(lambda w: l2_penalty(w, 0.1), W), rtol=1e-8)


def test_l1_penalty_and_gradient_away_from_zero():
    W = np.array([[1.0, -2.0], [3.0, -0.5]])
    assert l1_penalty(W, 0.1) == pytest.approx(0.65, rel=1e-15)  # 0.1·(1 + 2 + 3 + 0.5)
    assert_allclose(l1_grad(W, 0.1), _central(lambda w: l1_penalty(w, 0.1), W), rtol=1e-8)


def test_l1_subgradient_at_zero_is_zero_and_between_the_one_sided_slopes():
    lam, h = 0.3, 1e-6
    right = (l1_penalty(np.array([h]), lam) - l1_penalty(np.array([0.0]), lam)) / h
    left = (l1_penalty(np.array([0.0]), lam) - l1_penalty(np.array([-h]), lam)) / h
    assert_allclose([left, right], [-lam, lam], rtol=1e-9)
    assert l1_grad(np.array([0.0]), lam)[0] == 0.0


def test_l2_gradient_in_a_regularised_loss():
    # The textbook's total loss: data loss + ½λΣW²; its gradient: data gradient + λW.
    rng = np.random.default_rng(4)
    X, t, W = rng.normal(size=(8, 3)), rng.normal(size=(8, 2)), rng.normal(size=(3, 2))
    lam = 0.05

    def loss(w):
        return 0.5 * np.sum((X @ w - t) ** 2) + l2_penalty(w, lam)

    analytic = X.T @ (X @ W - t) + l2_grad(W, lam)
    assert_allclose(analytic, _central(loss, W), rtol=1e-7)
