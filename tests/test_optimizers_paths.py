"""Whole paths: the exam-style classes against the pure step functions, the published
Nesterov and the frameworks' documented update rules."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

import optimizers as opt

pytestmark = pytest.mark.filterwarnings("error")

ILL = opt.SURFACES["ill_conditioned"]  # f = ½(x² + 10y²)


def _class_path(optimizer, surface, start, steps, seed=0):
    """Positions θ₀…θ_T from the exam-style class, fed the same gradients as a trajectory."""
    rng = np.random.default_rng(seed)
    params = {"xy": np.array(start, dtype=float)}
    path = [params["xy"].copy()]
    for _ in range(steps):
        optimizer.update(params, {"xy": surface.gradient(params["xy"], rng)})
        path.append(params["xy"].copy())
    return np.array(path)


# Settings where no path escapes, so all 40 steps are compared.
CASES = [
    ("sgd", {"lr": 0.05}),
    ("momentum", {"lr": 0.02, "momentum": 0.9}),
    ("nesterov", {"lr": 0.02, "momentum": 0.8}),
    ("nesterov_textbook", {"lr": 0.02, "momentum": 0.8}),
    ("adagrad", {"lr": 0.3}),
    ("rmsprop", {"lr": 0.01, "decay_rate": 0.9}),
    ("adam", {"lr": 0.05}),
    ("adam", {"lr": 0.05, "bias_correction": False}),
    ("adam", {"lr": 0.05, "weight_decay": 0.2}),
    ("adamw", {"lr": 0.05, "weight_decay": 0.2}),
    ("adamw", {"lr": 0.05, "beta1": 0.5, "beta2": 0.9, "bias_correction": False}),
    ("adam_textbook", {"lr": 0.05}),
]


@pytest.mark.parametrize(("name", "hyper"), CASES, ids=lambda v: str(v))
@pytest.mark.parametrize(
    "surface", ["textbook", "ill_conditioned", "rosenbrock", "saddle", "noisy"]
)
def test_class_form_and_functional_form_agree(name, hyper, surface):
    spec, surf = opt.OPTIMIZERS[name], opt.SURFACES[surface]
    start = (1.0, 0.5)
    if surface == "rosenbrock":  # gradients in the hundreds: a smaller step stays on the plot
        start, hyper = (-1.2, 1.0), {**hyper, "lr": hyper["lr"] / 100}
    run = opt.trajectory(name, surface, start, 40, seed=7, **hyper)
    assert run.escaped_at is None
    assert_allclose(
        run.positions,
        _class_path(spec.make(**hyper), surf, start, 40, seed=7),
        rtol=1e-11,
        atol=1e-14,
    )
    assert_allclose(run.updates, np.diff(run.positions, axis=0), rtol=1e-9, atol=1e-14)


def test_nesterov_is_nags_look_ahead_path():
    # NAG as Sutskever et al. 2013 write it: the gradient at the look-ahead θ + μv,
    #   v ← μv − η∇f(θ + μv);  θ ← θ + v.
    # Bengio et al.'s Θ = θ + μv is what the Nesterov class stores, step by step.
    mu, eta = 0.9, 0.05
    theta, v = np.array([1.0, 1.0]), np.zeros(2)
    run = opt.trajectory("nesterov", ILL, (1.0, 1.0), 30, lr=eta, momentum=mu)
    for t in range(1, 31):
        v = mu * v - eta * ILL.gradient(theta + mu * v)
        theta = theta + v
        assert_allclose(run.positions[t], theta + mu * v, rtol=1e-12, atol=1e-15)


def test_nesterov_is_pytorchs_nesterov_true():
    # torch.optim.SGD(momentum=μ, nesterov=True), as documented:
    #   b ← μb + g (b = g at the first step);  p ← p − η(g + μb)
    mu, eta = 0.9, 0.05
    p, b = np.array([1.0, 1.0]), None
    run = opt.trajectory("nesterov", ILL, (1.0, 1.0), 30, lr=eta, momentum=mu)
    for t in range(1, 31):
        g = ILL.gradient(p)
        b = g if b is None else mu * b + g
        p = p - eta * (g + mu * b)
        assert_allclose(run.positions[t], p, rtol=1e-12, atol=1e-15)


def test_momentum_is_pytorchs_momentum_at_constant_lr():
    # torch.optim.SGD(momentum=μ): b ← μb + g; p ← p − ηb. With v = −ηb, the textbook's path.
    mu, eta = 0.9, 0.02
    p, b = np.array([1.0, 1.0]), np.zeros(2)
    run = opt.trajectory("momentum", ILL, (1.0, 1.0), 30, lr=eta, momentum=mu)
    for t in range(1, 31):
        b = mu * b + ILL.gradient(p)
        p = p - eta * b
        assert_allclose(run.positions[t], p, rtol=1e-12, atol=1e-15)
        assert_allclose(run.state["v"][t - 1], -eta * b, rtol=1e-12, atol=1e-15)


def test_the_textbooks_nesterov_leaves_nags_path():
    # Same μ and η; the textbook's extra μ³·v_old and μ²ηg make it a different path:
    # it diverges on ½(x² + 10y²) at η = 0.1 where NAG converges.
    nag = opt.trajectory("nesterov", ILL, (1.0, 1.0), 200, lr=0.1, momentum=0.9)
    book = opt.trajectory("nesterov_textbook", ILL, (1.0, 1.0), 200, lr=0.1, momentum=0.9)
    assert nag.escaped_at is None and nag.loss[-1] < 1e-10
    assert book.escaped_at is not None


def test_adam_records_bias_corrected_moments():
    run = opt.trajectory("adam", "textbook", steps=5, lr=0.1)
    t = np.arange(1, 6)[:, None]
    assert_allclose(run.state["m_hat"], run.state["m"] / (1 - 0.9**t), rtol=1e-14)
    assert_allclose(run.state["v_hat"], run.state["v"] / (1 - 0.999**t), rtol=1e-14)
    # at t = 1, m̂ = g and v̂ = g² exactly what Algorithm 1 says
    assert_allclose(run.state["m_hat"][0], run.grads[0], rtol=1e-14)
    assert_allclose(run.state["v_hat"][0], run.grads[0] ** 2, rtol=1e-12)


def test_without_bias_correction_the_first_steps_are_too_long():
    # m and v start at 0; uncorrected, the step is scaled by (1 − β₁ᵗ)/√(1 − β₂ᵗ) against
    # Algorithm 1's: 3.16 at t = 1, still 6.5 at t = 10 (0.651/0.0998).
    without = opt.trajectory("adam", "textbook", steps=10, lr=0.01, bias_correction=False)
    with_bc = opt.trajectory("adam", "textbook", steps=10, lr=0.01)
    ratio = np.linalg.norm(without.updates, axis=1) / np.linalg.norm(with_bc.updates, axis=1)
    assert np.all(ratio > 3)
    assert_allclose(ratio[0], 0.1 / np.sqrt(0.001), rtol=1e-6)


def test_at_returns_one_steps_numbers():
    run = opt.trajectory("momentum", "textbook", steps=3)
    s = run.at(2)
    assert_allclose(s["theta"], run.positions[2])
    assert_allclose(s["update"], run.positions[2] - run.positions[1], rtol=1e-12)
    assert_allclose(s["v"], run.state["v"][1])
    with pytest.raises(ValueError):
        run.at(0)
    with pytest.raises(ValueError):
        run.at(4)


def test_adagrad_accumulates_so_its_step_only_shrinks_and_rmsprop_forgets():
    # h only grows under AdaGrad, so the per-coordinate rate η/(√h + ε) only falls; RMSProp's
    # moving average can fall again when the gradients do.
    ada = opt.trajectory("adagrad", "saddle", steps=1000, lr=0.01)
    assert np.all(np.diff(ada.state["h"], axis=0) >= 0)
    rate = 0.01 / (np.sqrt(ada.state["h"]) + 1e-7)
    assert np.all(np.diff(rate, axis=0) <= 0)
    rms = opt.trajectory("rmsprop", "textbook", steps=300, lr=0.1)
    assert np.any(np.diff(rms.state["h"], axis=0) < 0)
    assert_allclose(ada.step_sizes, np.linalg.norm(ada.updates, axis=1))
