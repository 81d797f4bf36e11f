"""Saturation regions and the compare figure, checked against closed forms."""

import math

import mpmath as mp
import numpy as np
import pytest

import activations as act
from plots.compare import (
    LANE_BAND,
    LANE_FONT,
    SATURATION,
    colour,
    format_regions,
    make_compare_figure,
    saturation_regions,
)

TITLES = {"x": "x", "y": "h", "lanes": "sat"}


def _regions(name, xmin=-10.0, xmax=10.0, **params):
    spec = act.REGISTRY[name]
    return saturation_regions(spec, {**spec.defaults(), **params}, xmin, xmax)


def _sigmoid_threshold() -> float:
    """σ'(x) = σ(1 − σ) = 0.01: solve s² − s + 0.01 = 0 for s = σ(x) > 1/2, then x = logit(s)."""
    s = (1 + mp.sqrt(1 - 4 * mp.mpf("0.01"))) / 2
    return float(mp.log(s / (1 - s)))


def test_sigmoid_threshold_closed_form_is_about_4_6():
    assert _sigmoid_threshold() == pytest.approx(4.5848, abs=1e-4)


def test_sigmoid_saturates_beyond_the_closed_form_threshold():
    x0 = _sigmoid_threshold()
    (a, b), (c, d) = _regions("sigmoid")
    assert a == -10.0 and d == 10.0
    assert b == pytest.approx(-x0, abs=1e-4)
    assert c == pytest.approx(x0, abs=1e-4)


def test_tanh_saturates_beyond_atanh_of_sqrt_0_99():
    """1 − tanh²(x) = 0.01 ⇔ |tanh x| = √0.99."""
    x0 = float(mp.atanh(mp.sqrt(mp.mpf("0.99"))))
    (_, b), (c, _) = _regions("tanh")
    assert (b, c) == pytest.approx((-x0, x0), abs=1e-4)


def test_elu_saturates_left_of_log_001_over_alpha():
    """αeˣ = 0.01 ⇔ x = log(0.01/α)."""
    for alpha in (1.0, 2.0):
        [(a, b)] = _regions("elu", alpha=alpha)
        assert a == -10.0
        assert b == pytest.approx(math.log(0.01 / alpha), abs=1e-4)


def test_relu_region_ends_exactly_at_the_kink():
    """h' jumps from 0 to 1 at 0: nothing to interpolate, the region is [xmin, 0] with 0 in it
    because ReLU'(0) = 0 by convention."""
    assert _regions("relu") == [(-10.0, 0.0)]


def test_threshold_is_strict():
    """Leaky ReLU's slope 0.01 is not below 0.01; a smaller α is."""
    assert _regions("leaky_relu") == []
    assert _regions("leaky_relu", alpha=0.005) == [(-10.0, 0.0)]


def test_identity_never_saturates_and_step_always_does():
    assert _regions("identity") == []
    assert _regions("step") == [(-10.0, 10.0)]


def test_regions_are_where_the_derivative_is_small():
    """Independent check on a fine grid: inside a region |h'| < 0.01, well outside it is not."""
    for name in act.ELEMENTWISE:
        spec = act.REGISTRY[name]
        regions = _regions(name, -8.0, 8.0)
        x = np.linspace(-8, 8, 16001)
        g = np.abs(spec.grad(x, **spec.defaults()))
        inside = np.zeros_like(x, dtype=bool)
        covered = np.zeros_like(x, dtype=bool)
        for a, b in regions:
            inside |= (x > a + 1e-3) & (x < b - 1e-3)
            covered |= (x >= a - 1e-3) & (x <= b + 1e-3)
        assert np.all(g[inside] < SATURATION), name
        assert np.all(g[~covered] >= SATURATION), name


def test_format_regions():
    assert format_regions([(-10.0, -4.5848734), (4.5848734, 10.0)]) == "[-10, -4.585] ∪ [4.585, 10]"
    assert format_regions([]) == ""


def _figure(names, which="h", xmin=-6.0, xmax=6.0):
    labels = {n: n.upper() for n in names}
    return make_compare_figure(names, which, xmin, xmax, labels, TITLES)


def test_figure_has_a_curve_and_a_lane_per_function():
    names = ["sigmoid", "tanh", "relu", "gelu"]
    fig = _figure(names)
    curves = [tr for tr in fig.data if tr.showlegend is not False]
    lanes = [tr for tr in fig.data if tr.fill == "toself"]
    assert [tr.name for tr in curves] == [n.upper() for n in names]
    assert len(lanes) == len(names)
    for tr, lane in zip(curves, lanes, strict=True):
        assert tr.line.color == lane.fillcolor  # the lane wears its function's colour


def test_curves_are_the_registry_values():
    fig = _figure(["sigmoid", "gelu"], which="grad")
    for tr, name in zip(fig.data[::2], ["sigmoid", "gelu"], strict=True):
        x = np.asarray(tr.x, dtype=float)
        y = np.asarray(tr.y, dtype=float)
        assert x.min() == -6.0 and x.max() == 6.0
        # σ'(x) = e^{-x}/(1 + e^{-x})²; GELU'(x) = Φ(x) + xφ(x), written here from scratch
        if name == "sigmoid":
            ref = np.exp(-x) / (1 + np.exp(-x)) ** 2
        else:
            ref = np.array([float(mp.ncdf(v) + v * mp.npdf(v)) for v in x[::50]])
            x, y = x[::50], y[::50]
        np.testing.assert_allclose(y, ref, rtol=1e-12, atol=1e-15)


def test_relu_derivative_breaks_at_zero():
    fig = _figure(["relu"], which="grad")
    y = np.asarray(fig.data[0].y, dtype=float)
    assert np.isnan(y).sum() == 1


def test_sigmoid_lane_covers_the_saturated_tails():
    fig = _figure(["sigmoid"], xmin=-10.0, xmax=10.0)
    lane = fig.data[1]
    xs = [v for v in lane.x if v is not None]
    x0 = _sigmoid_threshold()
    assert min(xs) == -10.0 and max(xs) == 10.0
    assert any(abs(v + x0) < 1e-4 for v in xs) and any(abs(v - x0) < 1e-4 for v in xs)


def test_a_function_with_no_saturation_gets_an_empty_lane():
    fig = _figure(["identity"])
    assert all(v is None for v in fig.data[1].x)


def test_colours_are_fixed_per_function_and_distinct():
    colours = [colour(n) for n in act.ELEMENTWISE]
    assert len(set(colours)) == len(colours)
    assert _figure(["gelu"]).data[0].line.color == _figure(["relu", "gelu"]).data[2].line.color


def test_axis_range_and_titles():
    fig = _figure(["tanh"], xmin=-3.0, xmax=2.0)
    assert tuple(fig.layout.xaxis.range) == (-3.0, 2.0)
    assert fig.layout.yaxis.title.text == "h"
    assert fig.layout.yaxis2.title.text == "sat"


def test_a_function_has_one_colour_on_every_page():
    from plots.gradients import make_depth_figure
    from plots.home import HOME_FUNCTIONS, make_home_figure

    home = {tr.name: tr.line.color for tr in make_home_figure({}).data}
    compare = _figure(list(HOME_FUNCTIONS))
    depth = make_depth_figure({n: np.ones(3) for n in HOME_FUNCTIONS}, {}, "L", "y")
    for i, name in enumerate(HOME_FUNCTIONS):
        assert home[name] == compare.data[2 * i].line.color == depth.data[i].line.color
    assert len({home[n] for n in HOME_FUNCTIONS}) == len(HOME_FUNCTIONS)


@pytest.mark.parametrize("names", [["sigmoid"], ["sigmoid", "tanh", "relu", "gelu"],
                                   list(act.ELEMENTWISE)])
def test_lane_names_sit_above_their_bands_not_over_them(names):
    """Issue 16: the names were drawn over the bars. In pixels, with room kept for a legend
    of several rows above the plot (Plotly takes it from the plot's height): each name's
    line box lies inside its lane and ends above the top of its band."""
    fig = _figure(names)
    lay = fig.layout
    plot_px = lay.height - lay.margin.t - lay.margin.b - 120  # a 4-row legend at most
    lo, hi = lay.yaxis2.domain
    assert lo == 0.0
    unit_px = plot_px * (hi - lo) / max(len(names), 2)
    lanes = [tr for tr in fig.data if tr.fill == "toself"]
    for lane, (note, band) in enumerate(zip(lay.annotations, lanes, strict=True)):
        half = LANE_FONT * 1.3 / 2 / unit_px  # a line box, in lane units
        assert note.yanchor == "middle" and note.font.size == LANE_FONT
        top, bottom = note.y - half, note.y + half  # the lane axis runs downwards
        band_y = [v for v in band.y if v is not None] or [lane + b for b in LANE_BAND]
        assert lane - 0.5 <= top and bottom < min(band_y) <= max(band_y) <= lane + 0.5
