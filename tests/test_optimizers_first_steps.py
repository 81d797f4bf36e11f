"""First steps of every optimizer, worked by hand from the algorithm as published.

Each test runs the exam-style class on a dict of arrays, the way the textbook does, and
compares with the arithmetic written in the comments.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose

import optimizers as opt

pytestmark = pytest.mark.filterwarnings("error")


def _one_step(optimizer, w, g):
    params = {"W": np.array(w, dtype=float)}
    optimizer.update(params, {"W": np.array(g, dtype=float)})
    return params["W"]


def test_sgd_one_step():
    # W = 1 − 0.1·2 = 0.8; −1 − 0.1·(−3) = −0.7
    assert_allclose(_one_step(opt.SGD(lr=0.1), [1.0, -1.0], [2.0, -3.0]), [0.8, -0.7], rtol=1e-15)


def test_momentum_first_two_steps_on_half_w_squared():
    # f = ½w², g = w. lr = 0.1, α = 0.9, w₀ = 1.
    # step 1: v = 0.9·0 − 0.1·1 = −0.1;            w = 1 − 0.1 = 0.9
    # step 2: v = 0.9·(−0.1) − 0.1·0.9 = −0.18;   w = 0.9 − 0.18 = 0.72
    m = opt.Momentum(lr=0.1, momentum=0.9)
    params = {"W": np.array([1.0])}
    m.update(params, {"W": params["W"].copy()})
    assert_allclose(m.v["W"], [-0.1], rtol=1e-15)
    assert_allclose(params["W"], [0.9], rtol=1e-15)
    m.update(params, {"W": params["W"].copy()})
    assert_allclose(m.v["W"], [-0.18], rtol=1e-15)
    assert_allclose(params["W"], [0.72], rtol=1e-15)


def test_state_is_created_lazily_keyed_like_params():
    m = opt.Momentum()
    assert m.v is None
    params = {"W1": np.ones((2, 3)), "b1": np.zeros(3)}
    m.update(params, {k: np.ones_like(v) for k, v in params.items()})
    assert set(m.v) == {"W1", "b1"}
    assert m.v["W1"].shape == (2, 3) and m.v["b1"].shape == (3,)


def _quadratic_grad(p):
    # f = ½(x² + 10y²): ∇f = (x, 10y)
    return np.array([p[0], 10.0 * p[1]])


def test_nesterov_first_step_nag_and_textbook_differ():
    # f = ½(x² + 10y²) from (1, 1), μ = 0.9, η = 0.05; g = (1, 10), v_old = 0.
    mu, eta = 0.9, 0.05
    p0 = np.array([1.0, 1.0])
    g = _quadratic_grad(p0)
    v_new = mu * 0.0 - eta * g
    # NAG (Bengio et al. 2012 eq. 7): Θ ← Θ + μ²·v_old − (1 + μ)·η·g
    nag = p0 + mu**2 * 0.0 - (1 + mu) * eta * g
    # the textbook's code: Θ ← Θ + μ²·v_new − (1 + μ)·η·g
    textbook = p0 + mu**2 * v_new - (1 + mu) * eta * g
    # by hand: NAG 1 − 1.9·0.05·(1, 10) = (0.905, 0.05);
    # textbook 1 − (1 + 0.9 + 0.81)·0.05·(1, 10) = 1 − 0.1355·(1, 10) = (0.8645, −0.355)
    assert_allclose(nag, [0.905, 0.05], rtol=1e-12)
    assert_allclose(textbook, [0.8645, -0.355], rtol=1e-12)
    assert_allclose(_one_step(opt.Nesterov(lr=eta, momentum=mu), p0, g), nag, rtol=1e-14)
    assert_allclose(
        _one_step(opt.NesterovTextbook(lr=eta, momentum=mu), p0, g), textbook, rtol=1e-14
    )


def test_adagrad_first_steps():
    # h = g², so the first step is η·g/(|g| + 1e-7) ≈ η·sign(g) whatever |g| is;
    # with the same g again, h = 2g² and the step is η/√2: it only shrinks.
    g = np.array([1e-3, 2.0, -5e3])
    first = _one_step(opt.AdaGrad(lr=0.5), np.zeros(3), g)
    assert_allclose(first, -0.5 * np.sign(g), rtol=1e-4)
    ada = opt.AdaGrad(lr=0.5)
    params = {"W": np.zeros(3)}
    ada.update(params, {"W": g})
    before = params["W"].copy()
    ada.update(params, {"W": g})
    assert_allclose(params["W"] - before, -0.5 * np.sign(g) / np.sqrt(2), rtol=1e-4)


def test_rmsprop_first_step_is_ten_learning_rates():
    # h = (1 − 0.99)·g² = 0.01·g², √h = 0.1·|g|: the first step is η·g/(0.1|g|) = 10·η·sign(g)
    # (no bias correction in RMSProp, unlike Adam).
    g = np.array([0.01, 3.0, -40.0])
    assert_allclose(_one_step(opt.RMSProp(lr=0.01), np.zeros(3), g), -0.1 * np.sign(g), rtol=1e-4)
    assert opt.RMSprop is opt.RMSProp


@pytest.mark.parametrize("g", [1e-3, 0.5, 1.0, 7.0, 1e4, -2.0])
def test_adam_first_step_is_lr_sign_g(g):
    # Algorithm 1, t = 1: m = (1 − β₁)g, v = (1 − β₂)g², m̂ = g, v̂ = g²,
    # step = α·g/(|g| + ε): α·sign(g) up to a relative ε/|g| ≤ 1e-5 here.
    step = _one_step(opt.Adam(lr=0.001), [0.0], [g])
    assert_allclose(step, [-0.001 * np.sign(g)], rtol=1e-5)


@pytest.mark.parametrize("g", [1e-3, 1.0, 1e4, -2.0])
def test_adam_first_step_without_bias_correction(g):
    # m = 0.1g, v = 0.001g²: step = α·0.1/√0.001·sign(g) = α·3.162…·sign(g), too large.
    # Exactly: α·0.1g/(√0.001·|g| + ε); ε matters only for the smallest |g| here.
    step = _one_step(opt.Adam(lr=0.001, bias_correction=False), [0.0], [g])
    assert_allclose(step, [-0.001 * 0.1 * g / (np.sqrt(0.001) * abs(g) + 1e-8)], rtol=1e-12)
    if abs(g) >= 1:
        assert_allclose(step, [-0.001 * 3.16227766 * np.sign(g)], rtol=1e-6)


def test_adam_second_step_by_hand():
    # g₁ = 1, g₂ = 2, α = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    # t = 1: m = 0.1, v = 0.001 → step 0.1·1/(1 + 1e-8)
    # t = 2: m = 0.09 + 0.2 = 0.29; v = 0.000999 + 0.004 = 0.004999;
    #        m̂ = 0.29/0.19; v̂ = 0.004999/0.001999; step = 0.1·m̂/(√v̂ + ε)
    adam = opt.Adam(lr=0.1)
    params = {"W": np.array([0.0])}
    adam.update(params, {"W": np.array([1.0])})
    w1 = params["W"].copy()
    adam.update(params, {"W": np.array([2.0])})
    assert_allclose(adam.m["W"], [0.29], rtol=1e-14)
    assert_allclose(adam.v["W"], [0.004999], rtol=1e-14)
    m_hat, v_hat = 0.29 / 0.19, 0.004999 / 0.001999
    assert_allclose(w1, [-0.1 / (1 + 1e-8)], rtol=1e-15)
    assert_allclose(params["W"] - w1, [-0.1 * m_hat / (np.sqrt(v_hat) + 1e-8)], rtol=1e-12)


def test_adam_textbook_is_algorithm_1_with_its_epsilon_beside_root_v():
    # α_t·m/(√v + 1e-7) = α·m̂/(√v̂ + 1e-7/√(1 − β₂ᵗ)): the same path as Algorithm 1 with
    # that ε at each step.
    rng = np.random.default_rng(3)
    gs = rng.normal(size=(6, 4))
    book = opt.AdamTextbook(lr=0.01)
    p_book = {"W": np.zeros(4)}
    p_ref = np.zeros(4)
    m = v = np.zeros(4)
    for t, g in enumerate(gs, start=1):
        book.update(p_book, {"W": g})
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        p_ref = p_ref - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-7 / np.sqrt(1 - 0.999**t))
        assert_allclose(p_book["W"], p_ref, rtol=1e-12)


def test_adamw_decays_apart_from_the_adaptive_step():
    # Zero loss gradient, W = 2, α = 0.1, λ = 0.01:
    # AdamW: m = v = 0, so the adaptive step is 0 and W ← W − αλW = 2 − 0.002 = 1.998.
    # Adam + L2: g = λW = 0.02, and Adam's first step is α·sign(g): W ← 2 − 0.1 = 1.9
    # (λ vanishes: L2 through Adam is divided by √v̂, the point of Loshchilov & Hutter 2019).
    zero = [0.0]
    assert_allclose(
        _one_step(opt.AdamW(lr=0.1, weight_decay=0.01), [2.0], zero), [1.998], rtol=1e-15
    )
    assert_allclose(_one_step(opt.Adam(lr=0.1, weight_decay=0.01), [2.0], zero), [1.9], rtol=1e-6)


def test_adamw_moments_see_the_loss_gradient_only():
    rng = np.random.default_rng(0)
    gs = rng.normal(size=(5, 3))
    plain, decoupled = opt.Adam(lr=0.05), opt.AdamW(lr=0.05, weight_decay=0.1)
    p1, p2 = {"W": np.ones(3)}, {"W": np.ones(3)}
    for g in gs:
        plain.update(p1, {"W": g})
        decoupled.update(p2, {"W": g})
    assert_allclose(decoupled.m["W"], plain.m["W"], rtol=1e-15)
    assert_allclose(decoupled.v["W"], plain.v["W"], rtol=1e-15)
    assert np.all(np.abs(p2["W"]) < np.abs(p1["W"]))  # the decay pulls towards 0


def test_class_defaults_are_the_published_ones():
    adam = opt.Adam()
    assert (adam.lr, adam.beta1, adam.beta2, adam.eps) == (0.001, 0.9, 0.999, 1e-8)
    assert opt.AdamW().weight_decay == 0.01  # PyTorch's AdamW default
    assert opt.RMSProp().decay_rate == 0.99  # the textbook's (PyTorch alpha=0.99)
    assert opt.Momentum().momentum == 0.9
    assert opt.AdaGrad().eps == 1e-7
