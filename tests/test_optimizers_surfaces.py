"""The test surfaces: exact gradients, Hessians, the divergence threshold 2/λ_max, noise."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

import optimizers as opt

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("name", list(opt.SURFACES))
def test_gradient_matches_central_differences(name):
    surf = opt.SURFACES[name]
    rng = np.random.default_rng(1)
    x = rng.uniform(*surf.xlim, size=50)
    y = rng.uniform(*surf.ylim, size=50)
    h = 1e-6
    gx, gy = surf.grad(x, y)
    num_x = (surf.f(x + h, y) - surf.f(x - h, y)) / (2 * h)
    num_y = (surf.f(x, y + h) - surf.f(x, y - h)) / (2 * h)
    scale = 1 + np.abs(gx) + np.abs(gy)
    assert np.max(np.abs(gx - num_x) / scale) < 1e-7
    assert np.max(np.abs(gy - num_y) / scale) < 1e-7


@pytest.mark.parametrize("name", [n for n, s in opt.SURFACES.items() if s.hessian is not None])
def test_quadratic_hessian_matches_the_gradient(name):
    surf = opt.SURFACES[name]
    H = np.array(surf.hessian)
    for p in [(0.3, -1.7), (2.0, 5.0)]:
        assert_allclose(surf.grad(*p), H @ np.array(p), rtol=1e-14)


@pytest.mark.parametrize("name", list(opt.SURFACES))
def test_minimum_is_a_stationary_point_with_the_lowest_value(name):
    surf = opt.SURFACES[name]
    if surf.minimum is None:  # the saddle: stationary at 0 but unbounded below
        assert surf.grad(0.0, 0.0) == (0.0, 0.0)
        assert surf.f(0.0, 1.0) < surf.f(0.0, 0.0) < surf.f(1.0, 0.0)
        return
    assert_allclose(surf.grad(*surf.minimum), (0.0, 0.0), atol=1e-15)
    rng = np.random.default_rng(2)
    x, y = rng.uniform(*surf.xlim, 1000), rng.uniform(*surf.ylim, 1000)
    assert np.all(surf.f(x, y) >= surf.f(*surf.minimum))


def test_divergence_thresholds():
    # ½(x² + 10y²): H = diag(1, 10), λ_max = 10, 2/λ_max = 0.2.
    # x²/20 + y²: H = diag(1/10, 2), λ_max = 2, threshold 1.0 — the textbook's SGD η = 0.95 is
    # just below it, which is why its path zig-zags in y.
    assert opt.SURFACES["ill_conditioned"].lambda_max == pytest.approx(10.0, rel=1e-14)
    assert opt.SURFACES["ill_conditioned"].divergence_lr == pytest.approx(0.2, rel=1e-14)
    assert opt.SURFACES["textbook"].divergence_lr == pytest.approx(1.0, rel=1e-14)
    assert opt.SURFACES["rosenbrock"].divergence_lr is None
    assert opt.SURFACES["saddle"].divergence_lr is None


@pytest.mark.parametrize("factor", [0.5, 0.9, 0.99])
def test_gradient_descent_converges_below_two_over_lambda(factor):
    surf = opt.SURFACES["ill_conditioned"]
    run = opt.trajectory("sgd", surf, (1.0, 1.0), 1000, lr=factor * surf.divergence_lr)
    assert run.escaped_at is None
    assert run.loss[-1] < 1e-6 * run.loss[0]


@pytest.mark.parametrize("factor", [1.01, 1.1, 2.0])
def test_gradient_descent_diverges_above_two_over_lambda(factor):
    # y ← (1 − ηλ)y with |1 − ηλ| > 1: |y| grows until the run leaves |θ| ≤ 1e6 and stops.
    surf = opt.SURFACES["ill_conditioned"]
    run = opt.trajectory("sgd", surf, (1.0, 1.0), 1000, lr=factor * surf.divergence_lr)
    assert run.escaped_at is not None and run.escaped_at == run.steps
    assert np.max(np.abs(run.positions[-1])) > opt.ESCAPE
    assert np.all(np.isfinite(run.loss))


def test_between_one_and_two_over_lambda_it_oscillates():
    # 1/λ < η < 2/λ: 1 − ηλ < 0, so y changes sign at every step while shrinking.
    run = opt.trajectory("sgd", "ill_conditioned", (1.0, 1.0), 20, lr=0.15)
    y = run.positions[:, 1]
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))
    assert np.all(np.abs(y[1:]) < np.abs(y[:-1]))


def test_noisy_gradients_are_seeded():
    a = opt.trajectory("sgd", "noisy", steps=20, lr=0.1, seed=5)
    b = opt.trajectory("sgd", "noisy", steps=20, lr=0.1, seed=5)
    c = opt.trajectory("sgd", "noisy", steps=20, lr=0.1, seed=6)
    assert_allclose(a.positions, b.positions, rtol=0)
    assert not np.allclose(a.positions, c.positions)
    exact = np.array([opt.SURFACES["noisy"].grad(*p) for p in a.positions[:-1]])
    noise = a.grads - exact
    assert np.all(noise != 0)


def test_noise_override_and_its_statistics():
    # σ = 2 on the textbook surface at a fixed point: the noise's sample std ≈ 2.
    surf = opt.with_noise(opt.SURFACES["textbook"], 2.0)
    rng = np.random.default_rng(0)
    draws = np.array([surf.gradient(np.array([1.0, 1.0]), rng) for _ in range(4000)])
    assert_allclose(draws.mean(axis=0), [0.1, 2.0], atol=0.1)
    assert_allclose(draws.std(axis=0), [2.0, 2.0], rtol=0.05)
    off = opt.trajectory("sgd", "noisy", steps=5, noise=0.0)
    assert_allclose(off.grads, [opt.SURFACES["textbook"].grad(*p) for p in off.positions[:-1]])


def test_noisy_surface_without_rng_is_refused():
    with pytest.raises(ValueError, match="rng"):
        opt.SURFACES["noisy"].gradient(np.array([1.0, 1.0]))
