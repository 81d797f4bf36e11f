"""The softmax lab's logic and figures, against references computed independently (mpmath)."""

import math

import mpmath as mp
import numpy as np
import pytest

from plots.softmax_lab import class_labels, make_jacobian_figure, make_probability_figure
from viewstate import logits as lg


def mp_softmax(x, temperature=1):
    """Textbook e^{x_i/T} / Σ e^{x_j/T} at 50 digits: mpmath's exp does not overflow."""
    with mp.workdps(50):
        e = [mp.exp(mp.mpf(v) / temperature) for v in x]
        total = mp.fsum(e)
        return [float(v / total) for v in e]


# --- parsing ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "values"), [
    ("2, 1, 0.1", (2.0, 1.0, 0.1)),
    ("2 1 0.1", (2.0, 1.0, 0.1)),
    ("  -3;4  ", (-3.0, 4.0)),
    ("１，２、３", (1.0, 2.0, 3.0)),  # full-width digits and 、 as a Japanese keyboard types them
    ("−1, 1e3", (-1.0, 1000.0)),  # U+2212 minus sign
    (",".join(["1"] * 10), (1.0,) * 10),
])
def test_good_logits_are_read(text, values):
    parsed = lg.parse_logits(text)
    assert parsed.ok and parsed.values == values


@pytest.mark.parametrize(("text", "kind", "detail"), [
    ("", "empty", ""),
    ("  , ", "empty", ""),
    ("1, two, 3", "not_number", "two"),
    ("1, nan", "not_finite", "nan"),
    ("1, inf", "not_finite", "inf"),
    ("1, 1e400", "not_finite", "1e400"),
    ("1, 2e6", "too_large", "2e6"),
    ("5", "too_few", "1"),
])
def test_bad_logits_fall_back_to_the_default(text, kind, detail):
    parsed = lg.parse_logits(text)
    assert parsed.problems == ((kind, detail),)
    assert parsed.values == lg.DEFAULT_LOGITS


def test_too_many_classes_keep_the_first_ten():
    parsed = lg.parse_logits(", ".join(str(i) for i in range(13)))
    assert parsed.problems == (("too_many", "13"),)
    assert parsed.values == tuple(float(i) for i in range(10))


def test_format_logits_reads_back():
    assert lg.parse_logits(lg.format_logits((2.0, -1.5, 1e-7))).values == (2.0, -1.5, 1e-7)


@pytest.mark.parametrize(("value", "expected"), [
    (0.5, (0.5, True)), (0.1, (0.1, True)), (10.0, (10.0, True)),
    (0.0, (1.0, False)), (-1, (1.0, False)), (10.5, (1.0, False)),
    ("abc", (1.0, False)), (float("nan"), (1.0, False)), (None, (1.0, False)),
])
def test_temperature_is_checked(value, expected):
    assert lg.check_temperature(value) == expected


# --- temperature --------------------------------------------------------------------------

@pytest.mark.parametrize("temperature", [0.1, 0.5, 1.0, 3.0, 10.0])
def test_softmax_at_temperature_matches_mpmath(temperature):
    x = [2.0, 1.0, 0.1, -3.0]
    np.testing.assert_allclose(lg.softmax_t(x, temperature), mp_softmax(x, mp.mpf(temperature)),
                               rtol=1e-13, atol=1e-300)


def test_temperature_extremes():
    """Large T flattens towards uniform; small T concentrates on the argmax."""
    x = [2.0, 1.0, 0.1]
    hot = lg.softmax_t(x, 1e6)
    cold = lg.softmax_t(x, 1e-3)
    np.testing.assert_allclose(hot, 1 / 3, atol=1e-6)
    assert cold[0] == pytest.approx(1.0) and cold[1] < 1e-300


def test_temperature_must_be_positive():
    with pytest.raises(ValueError, match="temperature"):
        lg.softmax_t([1.0, 2.0], 0.0)


def test_view_at_temperature():
    """x = [1, 2, 3]: s ≈ [0.0900, 0.2447, 0.6652]; J = diag(s) − s sᵀ (CONTENT_NOTES)."""
    view = lg.at_temperature([1.0, 2.0, 3.0], 1.0)
    s = np.array(mp_softmax([1, 2, 3]))
    np.testing.assert_allclose(view.probs, s, rtol=1e-14)
    np.testing.assert_allclose(view.jacobian, np.diag(s) - np.outer(s, s), rtol=1e-12, atol=1e-16)
    assert view.jacobian[0, 0] == pytest.approx(0.0819, abs=5e-5)
    assert view.jacobian[1, 2] == pytest.approx(-0.1628, abs=5e-5)
    assert view.total == pytest.approx(1.0, abs=1e-15)
    assert view.top == 2
    assert view.worst_row_sum < 1e-15


def test_view_scales_the_logits_by_the_temperature():
    view = lg.at_temperature([1.0, 2.0, 4.0], 2.0)
    np.testing.assert_array_equal(view.scaled, [0.5, 1.0, 2.0])
    np.testing.assert_allclose(view.probs, mp_softmax([0.5, 1, 2]), rtol=1e-14)


# --- naive against stable -----------------------------------------------------------------

def test_naive_overflows_to_nan_and_stable_is_right_on_the_classic_example():
    both = lg.naive_vs_stable(lg.OVERFLOW_LOGITS)
    assert both.naive_failed
    assert np.all(np.isposinf(both.naive_exp)) and math.isinf(both.naive_sum)
    assert np.all(np.isnan(both.naive))
    assert both.shift == 1010.0
    # ≈ [0.99995, 4.54e-5, 2.06e-9] (CONTENT_NOTES), here to full precision from mpmath
    np.testing.assert_allclose(both.stable, mp_softmax([1010, 1000, 990]), rtol=1e-14)
    np.testing.assert_allclose(both.stable_exp, [1.0, math.exp(-10), math.exp(-20)], rtol=1e-15)
    assert both.stable_total == pytest.approx(1.0, abs=1e-15)


def test_naive_is_silent_about_its_overflow():
    """pytest turns RuntimeWarning into an error: the naive form must not emit one."""
    lg.naive_vs_stable([1e6, 0.0])


def test_naive_and_stable_agree_on_small_logits():
    both = lg.naive_vs_stable([2.0, 1.0, 0.1])
    assert not both.naive_failed
    np.testing.assert_allclose(both.naive, both.stable, rtol=1e-15)


def test_naive_with_one_overflowing_logit_gives_nan_and_zeros():
    """e^800 = inf, e^0 = 1: inf/inf = NaN for the big one, 1/inf = 0 for the rest."""
    both = lg.naive_vs_stable([800.0, 0.0])
    assert math.isnan(both.naive[0]) and both.naive[1] == 0.0
    np.testing.assert_allclose(both.stable, mp_softmax([800, 0]), rtol=1e-14, atol=1e-320)


# --- shift invariance and two classes -----------------------------------------------------

@pytest.mark.parametrize("c", [-1000.0, -3.5, 0.0, 100.0, 1000.0])
def test_adding_c_changes_nothing(c):
    p, q, diff = lg.shift_invariance([2.0, 1.0, 0.1], c)
    np.testing.assert_allclose(p, mp_softmax([2, 1, 0.1]), rtol=1e-14)
    np.testing.assert_allclose(q, p, rtol=1e-12)
    assert diff < 1e-12


@pytest.mark.parametrize(("a", "b"), [(2.0, 0.5), (0.0, 0.0), (-3.0, 7.0), (1000.0, -1000.0)])
def test_two_class_softmax_is_the_sigmoid_of_the_difference(a, b):
    via_softmax, via_sigmoid, gap = lg.two_class(a, b)
    ref = float(1 / (1 + mp.exp(-(mp.mpf(a) - b))))
    assert via_softmax == pytest.approx(ref, rel=1e-14, abs=1e-300)
    assert via_sigmoid == pytest.approx(ref, rel=1e-14, abs=1e-300)
    assert gap == abs(via_softmax - via_sigmoid)


@pytest.mark.parametrize(("v", "text"), [
    (float("nan"), "NaN"), (float("inf"), "inf"), (float("-inf"), "-inf"),
    (0.999954600070331, "0.999955"), (2.0611536e-09, "2.06115e-09"),
])
def test_values_are_spelled_honestly(v, text):
    assert lg.format_value(v) == text


# --- figures ------------------------------------------------------------------------------

def test_class_labels_count_from_one():
    assert class_labels(3) == ["x₁", "x₂", "x₃"]
    assert class_labels(10)[-1] == "x₁₀"


def test_probability_figure_has_one_bar_series_per_vector():
    p = np.array([0.7, 0.2, 0.1])
    fig = make_probability_figure(class_labels(3), {"T = 2": p, "T = 1": p[::-1]}, "prob",
                                  faint=("T = 1",))
    assert [tr.type for tr in fig.data] == ["bar", "bar"]
    assert list(fig.data[0].y) == [0.7, 0.2, 0.1]
    assert fig.data[0].opacity == 1.0 and fig.data[1].opacity < 1.0
    assert list(fig.data[0].text) == ["0.7000", "0.2000", "0.1000"]
    assert fig.layout.yaxis.title.text == "prob"


def test_jacobian_heatmap_shows_the_values_with_zero_in_the_middle():
    jac = np.array([[0.25, -0.25], [-0.25, 0.25]])
    fig = make_jacobian_figure(jac, class_labels(2), "J")
    (hm,) = fig.data
    assert hm.type == "heatmap"
    np.testing.assert_array_equal(np.asarray(hm.z), jac)
    assert hm.texttemplate == "%{z:.4f}"
    assert hm.zmid == 0.0 and hm.zmin == -0.25 and hm.zmax == 0.25
    assert list(hm.y) == ["s₁", "s₂"]
    assert fig.layout.yaxis.autorange == "reversed"  # row 1 on top, like a matrix


# --- the URL ------------------------------------------------------------------------------

def test_query_round_trip():
    assert lg.to_query(lg.DEFAULT_LOGITS, 1.0) == {}
    query = lg.to_query((1.0, 2.5, -0.125), 0.3)
    assert query == {"logits": "1, 2.5, -0.125", "T": "0.3"}
    text, temperature, ok = lg.parse_query(query)
    assert lg.parse_logits(text).values == (1.0, 2.5, -0.125)
    assert (temperature, ok) == (0.3, True)


def test_query_keeps_every_digit():
    x = (0.1 + 0.2, 1 / 3)
    assert lg.parse_logits(lg.parse_query(lg.to_query(x, 1.0))[0]).values == x


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "11", "nan", ""])
def test_bad_temperature_in_the_url_falls_back_to_1(bad):
    assert lg.parse_query({"T": bad})[1:] == (1.0, False)


def test_empty_query_is_the_default_view():
    text, temperature, ok = lg.parse_query({})
    assert lg.parse_logits(text).values == lg.DEFAULT_LOGITS and (temperature, ok) == (1.0, True)
