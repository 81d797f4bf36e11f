"""The chain-rule product through L layers against closed forms and independent maxima."""

import math

import mpmath as mp
import numpy as np
import pytest

import activations as act
from gradflow import depth

DEPTHS = np.arange(1, 101)


def test_sigmoid_at_zero_is_a_quarter_to_the_power_l():
    # σ(0) = 1/2, so σ'(0) = σ(0)(1 − σ(0)) = 1/4 and L layers give (1/4)^L.
    got = depth.depth_curves(["sigmoid"], 100, x=0.0)["sigmoid"]
    np.testing.assert_allclose(got, (1 / 4) ** DEPTHS, rtol=1e-13)
    # the figure the notes quote: 0.25^10 = 2^-20
    assert got[9] == pytest.approx(2.0**-20, rel=1e-14)


def test_tanh_at_zero_stays_one_and_relu_is_one_or_zero():
    curves = depth.depth_curves(["tanh", "relu"], 50, x=0.0)
    np.testing.assert_allclose(curves["tanh"], np.ones(50), rtol=1e-15)  # sech²(0) = 1
    np.testing.assert_array_equal(curves["relu"], np.zeros(50))  # ReLU'(0) takes the x ≤ 0 branch
    np.testing.assert_array_equal(depth.depth_curves(["relu"], 50, x=0.3)["relu"], np.ones(50))
    np.testing.assert_array_equal(depth.depth_curves(["relu"], 50, x=-0.3)["relu"], np.zeros(50))


@pytest.mark.parametrize("x", [-3.0, -0.7, 0.4, 2.5])
def test_sigmoid_at_any_x_matches_the_closed_form(x):
    s = 1 / (1 + math.exp(-x))
    got = depth.depth_curves(["sigmoid"], 30, x=x)["sigmoid"]
    np.testing.assert_allclose(got, (s * (1 - s)) ** np.arange(1, 31), rtol=1e-12)


@pytest.mark.parametrize("factor", [0.0, 0.25, 0.9, 1.0, 1.13])
def test_chain_product_is_the_power(factor):
    np.testing.assert_allclose(depth.chain_product(factor, 100), factor**DEPTHS, rtol=1e-13)


def test_chain_product_needs_a_layer():
    with pytest.raises(ValueError):
        depth.chain_product(0.5, 0)


def test_maxima_found_numerically_match_the_known_ones():
    sig = depth.max_abs_grad("sigmoid")
    assert sig.value == pytest.approx(0.25, rel=1e-12) and abs(sig.x) < 1e-6 and sig.unique
    tanh = depth.max_abs_grad("tanh")
    assert tanh.value == pytest.approx(1.0, rel=1e-12) and abs(tanh.x) < 1e-6
    # GELU' = Φ(x) + xφ(x) peaks at √2 (its derivative φ(x)(2 − x²) vanishes there).
    with mp.workdps(30):
        r2 = mp.sqrt(2)
        peak = mp.ncdf(r2) + r2 * mp.npdf(r2)
    gelu = depth.max_abs_grad("gelu")
    assert gelu.value == pytest.approx(float(peak), rel=1e-12)
    assert gelu.x == pytest.approx(math.sqrt(2), abs=1e-5)


def test_flat_maxima_are_reported_as_intervals_or_limits():
    relu = depth.max_abs_grad("relu")
    assert relu.value == 1.0 and not relu.unique and relu.x > 0
    assert not depth.max_abs_grad("identity").unique
    softplus = depth.max_abs_grad("softplus")  # σ(x) → 1 only as x → ∞
    assert softplus.at_edge and softplus.value < 1.0
    assert depth.max_abs_grad("step").value == 0.0


@pytest.mark.parametrize("name", act.ELEMENTWISE)
def test_the_bound_holds_for_random_pre_activations(name):
    """∏|h'(z_l)| ≤ (max|h'|)^L for any z_1..z_L inside the search range."""
    rng = np.random.default_rng(7)
    z = rng.uniform(*depth.SEARCH_RANGE, size=(200, 20))
    spec = act.REGISTRY[name]
    products = np.prod(np.abs(spec.grad(z)), axis=1)
    bound = depth.max_abs_grad(name).value ** 20
    assert np.all(products <= bound * (1 + 1e-9))


def test_grad_extent_tells_linear_and_flat_functions_apart():
    assert depth.grad_extent("identity") == (1.0, 1.0)
    assert depth.grad_extent("step") == (0.0, 0.0)
    lo, hi = depth.grad_extent("relu")
    assert (lo, hi) == (0.0, 1.0)


def test_vector_activations_are_refused():
    with pytest.raises(ValueError):
        depth.max_abs_grad("softmax")
