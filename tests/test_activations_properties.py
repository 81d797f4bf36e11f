"""Hypothesis properties over the whole float64 range, with every warning an error."""

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import activations as act
from tests import references as ref
from tests.test_activations_accuracy import CASES

pytestmark = pytest.mark.filterwarnings("error")

FINITE = st.floats(allow_nan=False, allow_infinity=False)
FINITE_ARRAYS = arrays(np.float64, st.integers(1, 40), elements=FINITE)
BIG = np.finfo(np.float64).max


def _representable(name, x):
    """SELU scales by λ > 1, so λx leaves the float range beyond 1.71e308: inf is right there."""
    if name == "selu":
        return np.abs(x) <= BIG / act.SELU_SCALE
    return np.ones_like(x, dtype=bool)


@pytest.mark.parametrize(("name", "params"), CASES, ids=lambda v: str(v))
@settings(max_examples=60, deadline=None)
@given(x=FINITE_ARRAYS)
def test_finite_in_range_no_warning(name, params, x):
    spec = act.REGISTRY[name]
    y, dy = spec.fn(x, **params), spec.grad(x, **params)
    ok = _representable(name, x)
    assert np.all(np.isfinite(y[ok])), x[ok][~np.isfinite(y[ok])]
    assert np.all(np.isfinite(dy)), x[~np.isfinite(dy)]
    assert np.all(spec.output_range(params).contains(y[ok]))


@pytest.mark.parametrize(("name", "params"), [c for c in CASES if act.REGISTRY[c[0]].monotone],
                         ids=lambda v: str(v))
@settings(max_examples=60, deadline=None)
@given(x=FINITE_ARRAYS)
def test_monotone_functions_do_not_decrease(name, params, x):
    y = act.REGISTRY[name].fn(np.sort(x), **params)
    assert np.all(np.diff(y[np.isfinite(y)]) >= 0)


@pytest.mark.parametrize(("name", "params"), CASES, ids=lambda v: str(v))
def test_infinities_give_the_limits(name, params):
    """The limit at ±inf is the reference far out (saturated), or ±inf where it keeps growing."""
    spec = act.REGISTRY[name]
    for sign in (-1, 1):
        for fn, reference in ((spec.fn, ref.h), (spec.grad, ref.dh)):
            far, farther = (reference(name, sign * r, **params) for r in (1e4, 1e6))
            grows = abs(farther) > 10 * abs(far) > 0
            want = math.copysign(math.inf, far) if grows else float(farther)
            got = float(fn(sign * math.inf, **params))
            assert got == pytest.approx(want, rel=1e-15, abs=1e-300), (fn.__name__, sign, got, want)


@pytest.mark.parametrize(("name", "params"), CASES, ids=lambda v: str(v))
def test_nan_propagates(name, params):
    spec = act.REGISTRY[name]
    x = np.array([np.nan, 1.0, -1.0])
    assert np.isnan(spec.fn(x, **params)[0]) and np.isnan(spec.grad(x, **params)[0])
    assert not np.isnan(spec.fn(x, **params)[1:]).any()


@settings(max_examples=200, deadline=None)
@given(x=st.floats(-700, 700))
def test_tanh_is_a_scaled_sigmoid(x):
    assert float(act.tanh(x)) == pytest.approx(2 * float(act.sigmoid(2 * x)) - 1, abs=4e-16)


@given(x=FINITE_ARRAYS)
def test_softplus_grad_is_sigmoid(x):
    np.testing.assert_array_equal(act.softplus_grad(x), act.sigmoid(x))


def test_swish_tends_to_relu_as_beta_grows():
    """max|swish − relu| = max_u |u|σ(−|u|)/β: it shrinks like 1/β."""
    x = np.linspace(-20, 20, 40001)
    gaps = [np.max(np.abs(act.swish(x, beta=b) - act.relu(x))) for b in (1, 2, 5, 10)]
    assert all(a > b for a, b in zip(gaps, gaps[1:], strict=False))
    worst = float(mp.findroot(lambda u: mp.diff(lambda t: t / (1 + mp.exp(t)), u), 1.3))
    bound = worst / (1 + math.exp(worst))  # max of u·σ(−u) for u > 0, ≈ 0.278
    for b, gap in zip((1, 2, 5, 10), gaps, strict=True):
        assert gap == pytest.approx(bound / b, rel=1e-3)


def test_silu_is_swish_with_beta_one():
    x = np.linspace(-10, 10, 101)
    np.testing.assert_array_equal(act.silu(x), act.swish(x, beta=1.0))


def test_elu_negative_branch_derivative_is_value_plus_alpha():
    x = np.linspace(-10, 0, 101)
    for alpha in (0.5, 1.0, 2.0):
        np.testing.assert_allclose(act.elu_grad(x, alpha=alpha), act.elu(x, alpha=alpha) + alpha,
                                   rtol=1e-12, atol=1e-15)


def test_gelu_tanh_form_is_close_to_exact():
    """CONTENT_NOTES: max |exact − tanh form| ≈ 4.7e-4; check the order of magnitude."""
    x = np.linspace(-10, 10, 200001)
    gap = np.max(np.abs(act.gelu(x) - act.gelu(x, approximate=True)))
    assert 1e-4 < gap < 1e-3
