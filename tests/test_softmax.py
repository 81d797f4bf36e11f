"""Softmax, log-softmax and the Jacobians: references, identities, extremes."""

import mpmath as mp
import numpy as np
import pytest
import scipy.special as sc
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import activations as act
from tests import references as ref

pytestmark = pytest.mark.filterwarnings("error")

LOGITS = arrays(np.float64, st.integers(1, 12),
                elements=st.floats(allow_nan=False, allow_infinity=False))
MODEST = arrays(np.float64, st.integers(1, 12), elements=st.floats(-700, 700))


def _close(got, want_mp, rel=1e-12):
    for g, w in zip(np.ravel(got), want_mp, strict=True):
        w = float(w)
        if np.isinf(w):  # beyond the float range, e.g. log_softmax([1e308, -1e308])[1]
            assert g == w
            continue
        assert abs(g - w) <= rel * abs(w) + 1e-300, (g, w)


@pytest.mark.parametrize("x", [
    [1010, 1000, 990],  # CONTENT_NOTES: naive exp gives NaN here
    [-1e308, 0], [1e308, -1e308], [1, 2, 3], [10, 0], [0.0], [-745, 0, 5], [3, 3, 3],
])
def test_softmax_and_log_softmax_match_40_digit_references(x):
    _close(act.softmax(x), ref.softmax(x))
    _close(act.log_softmax(x), ref.log_softmax(x))


def test_the_notes_examples():
    # Reference digits from mpmath; the naive form really does overflow to NaN.
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.array([1010.0, 1000, 990]))
        assert np.isnan(e / e.sum()).any()
    np.testing.assert_allclose(act.softmax([1010, 1000, 990]), [0.99995460, 4.5397868e-5, 2.0610600e-9], rtol=1e-7)
    _close(act.log_softmax([1000, 1]), ref.log_softmax([1000, 1]))


def test_log_softmax_keeps_the_top_entry_exact():
    """log(1 + e^{-10}) would lose ~5e-12 relative; log1p keeps it."""
    got = float(act.log_softmax([10.0, 0.0])[0])
    assert got == pytest.approx(float(-mp.log1p(mp.exp(-10))), rel=1e-15)


@settings(max_examples=150, deadline=None)
@given(x=LOGITS)
def test_softmax_is_a_distribution_for_every_finite_input(x):
    s = act.softmax(x)
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert s.sum() == pytest.approx(1.0, abs=1e-12)
    assert not np.isnan(act.log_softmax(x)).any()
    order = np.argsort(x, kind="stable")
    assert np.all(np.diff(s[order]) >= 0)  # order-preserving


@settings(max_examples=150, deadline=None)
@given(x=MODEST, c=st.floats(-1e3, 1e3))
def test_shift_invariance(x, c):
    np.testing.assert_allclose(act.softmax(x + c), act.softmax(x), rtol=1e-9, atol=1e-300)


@settings(max_examples=100, deadline=None)
@given(x=MODEST)
def test_agrees_with_scipy(x):
    np.testing.assert_allclose(act.softmax(x), sc.softmax(x), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(act.log_softmax(x), sc.log_softmax(x), rtol=1e-12, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(a=st.floats(-700, 700), b=st.floats(-700, 700))
def test_two_class_softmax_is_sigmoid_of_the_difference(a, b):
    assert float(act.softmax([a, b])[0]) == pytest.approx(float(act.sigmoid(a - b)), rel=1e-12, abs=1e-300)


@settings(max_examples=100, deadline=None)
@given(x=MODEST)
def test_jacobian_rows_sum_to_zero_and_it_is_symmetric(x):
    jac = act.softmax_jacobian(x)
    assert jac.shape == (x.size, x.size)
    np.testing.assert_allclose(jac.sum(axis=1), 0.0, atol=1e-15)
    np.testing.assert_array_equal(jac, jac.T)


@pytest.mark.parametrize("x", [[1, 2, 3], [0.5, -1, 2, 0], [30, 0], [1010, 1000, 990]])
def test_jacobians_match_central_differences_and_mpmath(x):
    x = np.asarray(x, dtype=float)
    s = [mp.mpf(v) for v in ref.softmax(x)]
    for jac_fn, fn in ((act.softmax_jacobian, act.softmax), (act.log_softmax_jacobian, act.log_softmax)):
        jac = jac_fn(x)
        step = 1e-6
        numeric = np.column_stack([(fn(x + step * e) - fn(x - step * e)) / (2 * step) for e in np.eye(x.size)])
        np.testing.assert_allclose(jac, numeric, atol=1e-8)
    want = [[s[i] * ((1 if i == j else 0) - s[j]) for j in range(x.size)] for i in range(x.size)]
    for i in range(x.size):
        _close(act.softmax_jacobian(x)[i], want[i], rel=1e-11)


def test_jacobian_of_the_notes_example():
    """CONTENT_NOTES: for x = [1, 2, 3], diagonal s_i(1 − s_i), off-diagonal −s_i s_j."""
    s = act.softmax([1.0, 2.0, 3.0])
    jac = act.softmax_jacobian([1.0, 2.0, 3.0])
    np.testing.assert_allclose(np.diag(jac), s * (1 - s), rtol=1e-14)
    assert jac[0, 1] == pytest.approx(-s[0] * s[1], rel=1e-14)


def test_axis_and_shapes():
    x = np.arange(12.0).reshape(3, 4)
    np.testing.assert_allclose(act.softmax(x, axis=0).sum(axis=0), 1.0)
    np.testing.assert_allclose(act.softmax(x, axis=1), sc.softmax(x, axis=1), rtol=1e-13)
    np.testing.assert_allclose(act.log_softmax(x, axis=0), sc.log_softmax(x, axis=0), rtol=1e-13)
    assert act.softmax(2.0).shape == () and float(act.softmax(2.0)) == 1.0
    assert act.softmax(np.zeros((0,))).shape == (0,)
    assert act.softmax(np.float32([1, 2])).dtype == np.float32
    with pytest.raises(ValueError, match="1-D"):
        act.softmax_jacobian(x)


def test_infinities_and_nan():
    np.testing.assert_array_equal(act.softmax([np.inf, 0, np.inf]), [0.5, 0, 0.5])
    np.testing.assert_array_equal(act.softmax([-np.inf, 0]), [0, 1])
    assert np.isnan(act.softmax([-np.inf, -np.inf])).all()  # no limit exists
    assert np.isnan(act.softmax([np.nan, 1.0, 1000.0])).all()
    assert act.log_softmax([-np.inf, 0])[0] == -np.inf
