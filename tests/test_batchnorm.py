"""Batch normalisation in the exam's form: forward by hand, running averages, inference,
and backward against central differences."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from normalization import BatchNormalization

pytestmark = pytest.mark.filterwarnings("error")


def _layer(D, rng=None, **kw):
    if rng is None:
        return BatchNormalization(np.ones(D), np.zeros(D), **kw)
    return BatchNormalization(rng.normal(size=D), rng.normal(size=D), **kw)


def test_epsilon_is_the_textbooks_10e_minus_7_which_is_1e_minus_6():
    assert _layer(1).eps == 1e-6


def test_forward_train_by_hand():
    # column 0: 1, 3 → μ = 2, σ² = ((−1)² + 1²)/2 = 1 (1/m, not 1/(m − 1)), x̂ = ∓1/√(1 + ε)
    # column 1: 0, 4 → μ = 2, σ² = 4, x̂ = ∓2/√(4 + ε)
    # y = γx̂ + β with γ = (2, 1), β = (0.5, −1)
    x = np.array([[1.0, 0.0], [3.0, 4.0]])
    bn = BatchNormalization(np.array([2.0, 1.0]), np.array([0.5, -1.0]))
    y = bn.forward(x, train_flg=True)
    e = 1e-6
    xhat = np.array(
        [[-1 / np.sqrt(1 + e), -2 / np.sqrt(4 + e)], [1 / np.sqrt(1 + e), 2 / np.sqrt(4 + e)]]
    )
    assert_allclose(y, xhat * [2.0, 1.0] + [0.5, -1.0], rtol=1e-15)
    # running averages from 0: 0.9·0 + 0.1·batch
    assert_allclose(bn.running_mean, [0.2, 0.2], rtol=1e-15)
    assert_allclose(bn.running_var, [0.1, 0.4], rtol=1e-15)


def test_train_output_has_mean_beta_and_std_gamma():
    rng = np.random.default_rng(0)
    x = rng.normal(3.0, 5.0, size=(64, 4))
    gamma, beta = np.array([1.0, 2.0, 0.5, 3.0]), np.array([0.0, -1.0, 4.0, 2.0])
    y = BatchNormalization(gamma, beta).forward(x)
    assert_allclose(y.mean(axis=0), beta, atol=1e-12)
    # biased variance of y = γ²·σ²/(σ² + ε)
    var = x.var(axis=0)
    assert_allclose(y.var(axis=0), gamma**2 * var / (var + 1e-6), rtol=1e-12)


def test_running_averages_approach_the_batch_statistics():
    # the same batch n times: running = (1 − 0.9ⁿ)·batch statistic
    rng = np.random.default_rng(1)
    x = rng.normal(2.0, 3.0, size=(32, 3))
    bn = _layer(3)
    for _ in range(50):
        bn.forward(x, train_flg=True)
    assert_allclose(bn.running_mean, (1 - 0.9**50) * x.mean(axis=0), rtol=1e-12)
    assert_allclose(bn.running_var, (1 - 0.9**50) * x.var(axis=0), rtol=1e-12)


def test_inference_uses_the_running_averages_not_the_batch():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(16, 3))
    mean, var = np.array([1.0, -2.0, 0.5]), np.array([4.0, 0.25, 1.0])
    bn = _layer(3, running_mean=mean.copy(), running_var=var.copy())
    y = bn.forward(x, train_flg=False)
    assert_allclose(y, (x - mean) / np.sqrt(var + 1e-6), rtol=1e-14)
    assert_allclose(bn.running_mean, mean)  # inference leaves them alone
    # one sample at inference is fine (a batch of 1 in training would give x̂ = 0)
    assert_allclose(bn.forward(x[:1], train_flg=False), y[:1], rtol=1e-14)


def test_inference_with_running_set_to_the_batch_equals_training():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(20, 5))
    bn = _layer(5, rng)
    y_train = bn.forward(x, train_flg=True)
    bn.running_mean, bn.running_var = x.mean(axis=0), x.var(axis=0)
    assert_allclose(bn.forward(x, train_flg=False), y_train, rtol=1e-12, atol=1e-14)


def _numeric_grad(f, a, h=1e-5):
    g = np.zeros_like(a)
    for i in np.ndindex(a.shape):
        old = a[i]
        a[i] = old + h
        fp = f()
        a[i] = old - h
        fm = f()
        a[i] = old
        g[i] = (fp - fm) / (2 * h)
    return g


def test_backward_matches_central_differences():
    rng = np.random.default_rng(4)
    x = rng.normal(1.0, 2.0, size=(6, 4))
    dout = rng.normal(size=(6, 4))
    bn = _layer(4, rng)

    def loss():
        return np.sum(dout * bn.forward(x, train_flg=True))

    loss()
    dx = bn.backward(dout)
    for analytic, wrt in [(dx, x), (bn.dgamma, bn.gamma), (bn.dbeta, bn.beta)]:
        numeric = _numeric_grad(loss, wrt)
        err = np.max(
            np.abs(analytic - numeric) / np.maximum(1e-8, np.abs(analytic) + np.abs(numeric))
        )
        assert err < 1e-7, err


def test_backward_equals_the_compact_formula():
    # dx = γ/(mσ)·(m·δ − Σδ − x̂·Σ(δ·x̂)), the line the docstring shows
    rng = np.random.default_rng(5)
    x, dout = rng.normal(size=(10, 3)), rng.normal(size=(10, 3))
    bn = _layer(3, rng)
    bn.forward(x)
    dx = bn.backward(dout)
    m, xhat, std = 10, bn.xn, np.sqrt(x.var(axis=0) + 1e-6)
    compact = (
        bn.gamma / (m * std) * (m * dout - dout.sum(axis=0) - xhat * np.sum(dout * xhat, axis=0))
    )
    assert_allclose(dx, compact, rtol=1e-10, atol=1e-13)
    assert_allclose(dx.sum(axis=0), 0.0, atol=1e-12)  # shifting x does not change y


def test_only_two_dimensional_inputs():
    with pytest.raises(ValueError, match="shape"):
        _layer(3).forward(np.zeros((2, 3, 4)))
