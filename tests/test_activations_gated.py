"""GLU and SwiGLU: values and gradients against 50-digit references, over every finite
float64 pair (a, b), the limits of the gate, identities, shapes and the errors."""

from __future__ import annotations

import itertools

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import activations as act
from activations.gated import (
    geglu,
    geglu_grad,
    glu,
    glu_grad,
    split_halves,
    swiglu,
    swiglu_grad,
)

pytestmark = pytest.mark.filterwarnings("error")

TINY = np.finfo(np.float64).tiny
MAX = np.finfo(np.float64).max
MAGNITUDES = [0.0, 1e-300, 1e-8, 0.5, 1.0, 2.0, 4.0, 20.0, 37.0, 100.0, 700.0, 708.0, 720.0,
              745.0, 800.0, 1e5, 1e200, 1e300, MAX]
GRID = sorted({s * m for m in MAGNITUDES for s in (1.0, -1.0)})
finite = st.floats(allow_nan=False, allow_infinity=False)


# References: the definitions, evaluated at 50 significant digits (no code shared with gated.py).
def _sig(z):
    return 1 / (1 + mp.exp(-z))


def ref_glu(a, b):
    return a * _sig(b)


def ref_swiglu(a, b):
    return a * _sig(a) * b


# Derivatives by the quotient rule (a numerical mp.diff would lose e^{-700} next to 1).
def _dsig(z):
    return mp.exp(-z) / (1 + mp.exp(-z)) ** 2


def ref_glu_grad(a, b, g):
    return g * _sig(b), g * a * _dsig(b)


def ref_swiglu_grad(a, b, g):
    return g * b * (_sig(a) + a * _dsig(a)), g * a * _sig(a)


def _cdf(z):
    """Φ(z) = erfc(−z/√2)/2 (1 + erf would cancel in the left tail).

    mpmath's erfc overflows a float inside for |z| > ~1e150: beyond |z| = 1e4, Φ is 1 or
    below e^{-5e7}, which times any three float64 magnitudes (< e^{2130}) still underflows.
    """
    if abs(z) > 10**4:
        return mp.mpf(1) if z > 0 else mp.mpf(0)
    return mp.erfc(-z / mp.sqrt(2)) / 2


def ref_geglu(a, b):
    return a * _cdf(a) * b


def ref_geglu_grad(a, b, g):
    pdf = mp.exp(-a * a / 2) / mp.sqrt(2 * mp.pi) if abs(a) <= 10**4 else mp.mpf(0)
    return g * b * (_cdf(a) + a * pdf), g * a * _cdf(a)


FNS = [(glu, ref_glu), (swiglu, ref_swiglu), (geglu, ref_geglu)]
GRADS = [(glu_grad, ref_glu_grad), (swiglu_grad, ref_swiglu_grad), (geglu_grad, ref_geglu_grad)]


def _check(got: float, want, what) -> None:
    """Within 1e-12 relative where the truth is a normal float64; a subnormal or zero truth
    asks for |got| ≤ 1e-300; within 1e-12 of the float range's end or beyond it, inf of the
    right sign may stand for it, and a finite value must be within 1e-12 of it."""
    if abs(want) > MAX * (1 - 1e-12) and np.isinf(got):
        assert (got > 0) == (want > 0), (what, got, want)
        return
    if abs(want) > MAX:
        assert abs(got) >= MAX * (1 - 1e-12) and (got > 0) == (want > 0), (what, got, want)
        return
    want = float(want)
    if abs(want) < TINY:
        assert abs(got) <= 1e-300, (what, got, want)
        return
    assert abs(got - want) <= 1e-12 * abs(want), (what, got, want, abs(got - want) / abs(want))


def _pairs():
    return [(a, b) for a, b in itertools.product(GRID, GRID)]


@pytest.mark.parametrize(("fn", "ref"), FNS, ids=lambda v: getattr(v, "__name__", ""))
def test_values_match_50_digit_reference_on_a_grid_with_extremes(fn, ref):
    a, b = np.array(_pairs()).T
    got = fn(np.concatenate([a, b]))
    with mp.workdps(50):
        for ai, bi, gi in zip(a, b, got, strict=True):
            _check(float(gi), ref(mp.mpf(ai), mp.mpf(bi)), (fn.__name__, ai, bi))


# SiLU' and GELU' cross 0 near a = −1.2785 and −0.7518: no grid point is near them, where a
# relative error means nothing.
@pytest.mark.parametrize(("grad", "ref"), GRADS, ids=["glu", "swiglu", "geglu"])
@pytest.mark.parametrize("g", [1.0, -3.0, 1e-300, 1e300])
def test_gradients_match_50_digit_reference(grad, ref, g):
    a, b = np.array(_pairs()).T
    da, db = grad(np.concatenate([a, b]), np.full(a.shape, g))
    with mp.workdps(50):
        for i in range(a.size):
            want_a, want_b = ref(mp.mpf(a[i]), mp.mpf(b[i]), mp.mpf(g))
            _check(float(da[i]), want_a, ("da", a[i], b[i], g))
            _check(float(db[i]), want_b, ("db", a[i], b[i], g))


@settings(max_examples=300, deadline=None)
@given(a=finite, b=finite)
def test_every_finite_pair_is_exact_to_1e_12_with_no_warning(a, b):
    """Hypothesis over all finite float64: no NaN, no RuntimeWarning (an error here), inf
    only where the exact value is beyond the float range."""
    x = np.array([a, b])
    with mp.workdps(50):
        for fn, ref in FNS:
            _check(float(fn(x)[0]), ref(mp.mpf(a), mp.mpf(b)), (fn.__name__, a, b))


@settings(max_examples=200, deadline=None)
@given(a=finite, b=finite, g=finite)
def test_gradients_of_every_finite_triple_are_finite_or_exactly_overflowing(a, b, g):
    x = np.array([a, b])
    for grad, factors in ((glu_grad, ((g,), (g, a))), (swiglu_grad, ((g, b), (g, a))),
                          (geglu_grad, ((g, b), (g, a)))):
        for value, bound in zip(grad(x, g), factors, strict=True):
            v = float(value[0])
            assert not np.isnan(v), (grad.__name__, a, b, g)
            if np.isinf(v):  # |da|, |db| ≤ 1.1·|product of the factors|: that must overflow
                assert abs(float(np.prod([mp.mpf(f) for f in bound]))) > MAX / 2


def test_gradients_agree_with_central_differences():
    rng = np.random.default_rng(17)
    x = rng.uniform(-6, 6, size=(40, 8))
    g = rng.normal(size=(40, 4))
    h = 1e-6
    for fn, grad in ((glu, glu_grad), (swiglu, swiglu_grad), (geglu, geglu_grad)):
        analytic = np.concatenate(grad(x, g), axis=-1)
        numeric = np.empty_like(x)
        for j in range(x.shape[1]):
            step = np.zeros_like(x)
            step[:, j] = h
            numeric[:, j] = np.sum(g * (fn(x + step) - fn(x - step)), axis=-1) / (2 * h)
        err = np.abs(analytic - numeric) / np.maximum(np.abs(analytic), 1e-3)
        assert err.max() < 1e-7, (fn.__name__, err.max())


@pytest.mark.parametrize("a", [-3.5, -1e-8, 0.0, 2.0, 1e300])
def test_glu_gate_opens_to_pass_a_and_closes_to_zero(a):
    for b in (40.0, 1e3, 1e300, np.inf):
        assert glu([a, b])[0] == a  # σ(b) rounds to 1: a passes unchanged
    for b in (-2000.0, -1e300, -np.inf):  # e^{-2000}·1e300 underflows too
        assert glu([a, b])[0] == 0.0
    assert glu([a, 0.0])[0] == a / 2  # σ(0) = 1/2


def test_identities():
    x = np.linspace(-30, 30, 601)
    # the same vector in both halves: GLU is SiLU
    np.testing.assert_allclose(glu(np.concatenate([x, x])), act.silu(x), rtol=1e-15)
    # b = 1: SwiGLU is SiLU of a
    np.testing.assert_allclose(swiglu(np.concatenate([x, np.ones_like(x)])), act.silu(x),
                               rtol=1e-15)
    # b = 1: GEGLU is GELU of a
    np.testing.assert_allclose(geglu(np.concatenate([x, np.ones_like(x)])), act.gelu(x),
                               rtol=1e-15)
    # SwiGLU(a, b) = a σ(a) b = GLU(a·b, a)
    b = np.cos(x) * 5
    np.testing.assert_allclose(swiglu(np.concatenate([x, b])), glu(np.concatenate([x * b, x])),
                               rtol=1e-14, atol=1e-300)


def test_halves_along_any_axis_and_dtype():
    x = np.arange(24, dtype=np.float64).reshape(2, 4, 3) / 7 - 1
    for axis in (0, 1, -2):
        a, b = np.split(x, 2, axis=axis)
        np.testing.assert_array_equal(glu(x, axis=axis), a * act.sigmoid(b))
        np.testing.assert_array_equal(swiglu(x, axis=axis), act.silu(a) * b)
        da, db = glu_grad(x, np.ones_like(a), axis=axis)
        assert da.shape == db.shape == a.shape
    out = glu(np.ones((3, 4), np.float32))
    assert out.shape == (3, 2) and out.dtype == np.float32
    assert glu([1, 2]).dtype == np.float64  # ints become float64
    assert glu(np.ones((3, 0))).shape == (3, 0)


@pytest.mark.parametrize("fn", [glu, swiglu, geglu, lambda x: glu_grad(x, 1.0), split_halves])
def test_odd_width_or_no_axis_raises_a_clear_value_error(fn):
    with pytest.raises(ValueError, match="even"):
        fn(np.ones((2, 3)))
    with pytest.raises(ValueError, match="axis"):
        fn(1.0)
    with pytest.raises(ValueError, match="out of range"):
        glu(np.ones(4), axis=3)


def test_non_finite_inputs():
    with np.errstate(all="raise"):  # no warning even where a limit does not exist
        out = glu([np.inf, 1.0, np.nan, np.inf, -np.inf, 1.0])
    assert out[0] == np.inf and out[1] == 0.0 and np.isnan(out[2])
    assert np.isnan(glu([np.inf, -np.inf])[0])  # inf · σ(−inf) has no limit


def test_not_in_the_elementwise_registry():
    """The registry's vector kind keeps the input's width; these halve it."""
    assert not {"glu", "swiglu", "geglu"} & set(act.REGISTRY)
