"""The explorer's figure builder, checked against closed forms (never against the app's own code)."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest

from activations import ELEMENTWISE, REGISTRY
from plots.explorer import Labels, make_explorer_figure, probe, tangent_latex, tangent_segment

LABELS = Labels(h="H", grad="G", reference="ref", tangent="T", probe="P")


def traces(fig, name):
    return [tr for tr in fig.data if tr.name == name]


def line(fig, name):
    (tr,) = traces(fig, name)
    return np.asarray(tr.x, dtype=float), np.asarray(tr.y, dtype=float)


def closed_sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def test_both_curves_and_the_probe_are_drawn():
    fig = make_explorer_figure(REGISTRY["sigmoid"], {}, -5, 5, x0=1.0, labels=LABELS)
    names = [tr.name for tr in fig.data]
    assert names == ["H", "G", "T", "P"]
    assert fig.layout.hovermode == "x unified"
    x, y = line(fig, "H")
    assert x[0] == -5 and x[-1] == 5 and len(x) <= 2000
    np.testing.assert_allclose(y, [closed_sigmoid(v) for v in x], rtol=1e-12)
    x, g = line(fig, "G")
    np.testing.assert_allclose(g, [closed_sigmoid(v) * (1 - closed_sigmoid(v)) for v in x],
                               rtol=1e-10)


@pytest.mark.parametrize("fn", ELEMENTWISE)
def test_every_function_stays_within_2000_points_a_trace(fn):
    spec = REGISTRY[fn]
    fig = make_explorer_figure(spec, spec.defaults(), -1e6, 1e6, x0=0.0, labels=LABELS)
    for tr in fig.data:
        assert len(tr.x) <= 2000


def test_hiding_a_curve_removes_it_and_hover_still_shows_both_values():
    fig = make_explorer_figure(REGISTRY["tanh"], {}, -3, 3, show_grad=False, labels=LABELS)
    assert traces(fig, "G") == []
    (h,) = traces(fig, "H")
    x = np.asarray(h.x, dtype=float)
    # h' of tanh is sech², carried for the hover while the h' curve is hidden
    np.testing.assert_allclose(np.asarray(h.customdata, dtype=float), 1 / np.cosh(x) ** 2,
                               rtol=1e-10)
    assert "customdata" in h.hovertemplate and "G" in h.hovertemplate

    fig = make_explorer_figure(REGISTRY["tanh"], {}, -3, 3, show_h=False, labels=LABELS)
    assert traces(fig, "H") == [] and traces(fig, "T") == []
    (g,) = traces(fig, "G")
    np.testing.assert_allclose(np.asarray(g.customdata, dtype=float),
                               np.tanh(np.asarray(g.x, dtype=float)), rtol=1e-12)


def _gap_at_zero(x, y):
    """The line is broken right at 0: a NaN sits between the last x ≤ 0 and the first x > 0."""
    i = int(np.flatnonzero(np.isnan(y))[0])
    return x[i - 1] == 0.0 and x[i + 1] > 0.0


def test_step_jump_breaks_the_line_and_marks_both_sides():
    fig = make_explorer_figure(REGISTRY["step"], {}, -2, 2, labels=LABELS)
    x, y = line(fig, "H")
    assert np.isnan(y).sum() == 1 and _gap_at_zero(x, y)
    finite = ~np.isnan(y)
    np.testing.assert_array_equal(y[finite], (x[finite] > 0).astype(float))
    markers = [tr for tr in fig.data if tr.mode == "markers" and tr.legendgroup == "h"]
    filled = [tr for tr in markers if tr.marker.symbol == "circle"]
    open_ = [tr for tr in markers if tr.marker.symbol == "circle-open"]
    assert (list(filled[0].x), list(filled[0].y)) == ([0.0], [0.0])  # step(0) = 0 (x ≤ 0 branch)
    assert (list(open_[0].x), list(open_[0].y)) == ([0.0], [1.0])


@pytest.mark.parametrize("fn, params, taken, other", [
    ("relu", {}, 0.0, 1.0),
    ("leaky_relu", {"alpha": 0.2}, 0.2, 1.0),
    ("elu", {"alpha": 2.5}, 2.5, 1.0),  # α e^0 = α on the left, 1 on the right
    ("selu", {}, 1.0507009873554805 * 1.6732632423543772, 1.0507009873554805),
])
def test_derivative_jumps(fn, params, taken, other):
    fig = make_explorer_figure(REGISTRY[fn], params, -3, 3, labels=LABELS)
    x, g = line(fig, "G")
    assert np.isnan(g).sum() == 1 and _gap_at_zero(x, g)
    markers = {tr.marker.symbol: tr for tr in fig.data
               if tr.mode == "markers" and tr.legendgroup == "grad"}
    assert markers["circle"].y[0] == pytest.approx(taken, rel=1e-12)
    assert markers["circle-open"].y[0] == pytest.approx(other, rel=1e-12)
    _, h = line(fig, "H")
    assert not np.isnan(h).any()  # h itself is continuous


@pytest.mark.parametrize("fn, params", [("elu", {"alpha": 1.0}), ("leaky_relu", {"alpha": 1.0}),
                                        ("gelu", {"approximate": True}), ("softplus", {})])
def test_no_break_where_the_derivative_is_continuous(fn, params):
    fig = make_explorer_figure(REGISTRY[fn], params, -3, 3, labels=LABELS)
    for name in ("H", "G"):
        assert not np.isnan(line(fig, name)[1]).any()
    assert not [tr for tr in fig.data if tr.mode == "markers" and tr.name != "P"]


def _mp_swish(x, beta):
    return x / (1 + mp.exp(-beta * x))


def _mp_gelu(x):
    return x * (1 + mp.erf(x / mp.sqrt(2))) / 2


# (fn, params, x0, h(x0), h'(x0)): closed forms and mpmath derivatives
PROBES = [
    ("sigmoid", {}, 0.7, closed_sigmoid(0.7), closed_sigmoid(0.7) * (1 - closed_sigmoid(0.7))),
    ("tanh", {}, -0.4, math.tanh(-0.4), 1 - math.tanh(-0.4) ** 2),
    ("elu", {"alpha": 2.0}, -1.0, 2.0 * (math.exp(-1) - 1), 2.0 * math.exp(-1)),
    ("swish", {"beta": 3.0}, 0.5, float(_mp_swish(mp.mpf(0.5), 3)),
     float(mp.diff(lambda t: _mp_swish(t, 3), mp.mpf(0.5)))),
    ("gelu", {"approximate": False}, 1.0, float(_mp_gelu(mp.mpf(1))),
     float(mp.diff(_mp_gelu, mp.mpf(1)))),
    ("leaky_relu", {"alpha": 0.2}, -1.0, -0.2, 0.2),
]


@pytest.mark.parametrize("fn, params, x0, h0, g0", PROBES)
def test_probe_marker_and_tangent(fn, params, x0, h0, g0):
    fig = make_explorer_figure(REGISTRY[fn], params, -4, 4, x0=x0, labels=LABELS)
    (p,) = traces(fig, "P")
    assert list(p.x) == [x0, x0]
    np.testing.assert_allclose(p.y, [h0, g0], rtol=1e-9)
    tx, ty = line(fig, "T")
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    assert slope == pytest.approx(g0, rel=1e-9, abs=1e-12)
    assert ty[0] + slope * (x0 - tx[0]) == pytest.approx(h0, rel=1e-9, abs=1e-12)
    assert tx[0] < x0 < tx[1]


def test_tangent_is_clipped_to_the_range():
    p = probe(REGISTRY["identity"], {}, 4.9)
    tx, ty = tangent_segment(p, -5, 5)
    assert tx[1] == 5 and ty[1] == 5 and tx[0] < 4.9


def test_probe_on_a_kink_reports_the_convention_and_the_other_limit():
    p = probe(REGISTRY["relu"], {}, 0.0)
    assert (p.h, p.grad, p.grad_jumps, p.h_jumps, p.grad_other) == (0.0, 0.0, True, False, 1.0)
    p = probe(REGISTRY["step"], {}, 0.0)
    assert (p.h, p.h_jumps, p.h_other) == (0.0, True, 1.0)
    assert not probe(REGISTRY["elu"], {"alpha": 1.0}, 0.0).grad_jumps
    assert not probe(REGISTRY["relu"], {}, 0.5).grad_jumps


def test_moved_parameter_keeps_the_default_as_a_faint_reference():
    fig = make_explorer_figure(REGISTRY["leaky_relu"], {"alpha": 0.2}, -5, 5, labels=LABELS)
    (ref,) = traces(fig, "H（ref）")
    assert ref.opacity < 1 and ref.hoverinfo == "skip"
    x, y = np.asarray(ref.x, dtype=float), np.asarray(ref.y, dtype=float)
    np.testing.assert_allclose(y, np.where(x > 0, x, 0.01 * x), rtol=1e-12)
    assert traces(fig, "G（ref）")

    fig = make_explorer_figure(REGISTRY["leaky_relu"], {"alpha": 0.01}, -5, 5, labels=LABELS)
    assert not [tr for tr in fig.data if "ref" in tr.name]


@pytest.mark.parametrize("slope_x0, expected", [
    (("identity", 2.0), "y = x"),
    (("step", 3.0), "y = 1"),
    (("relu", -1.0), "y = 0"),
    (("leaky_relu", -1.0), "y = 0.01x"),
])
def test_tangent_latex(slope_x0, expected):
    fn, x0 = slope_x0
    assert tangent_latex(probe(REGISTRY[fn], REGISTRY[fn].defaults(), x0)) == expected


def test_tangent_latex_signs():
    # sigmoid at 0: slope 1/4, through (0, 1/2)
    assert tangent_latex(probe(REGISTRY["sigmoid"], {}, 0.0)) == "y = 0.25x + 0.5"
    # tanh at 1: y = s(x − 1) + tanh 1 with s = 1 − tanh²1 ≈ 0.419974, intercept tanh1 − s > 0
    s = 1 - math.tanh(1) ** 2
    assert tangent_latex(probe(REGISTRY["tanh"], {}, 1.0)) == \
        f"y = {s:.6g}x + {math.tanh(1) - s:.6g}"
    # ELU (α = 1) at −2: slope e⁻², intercept e⁻² − 1 + 2e⁻² < 0
    e2 = math.exp(-2)
    assert tangent_latex(probe(REGISTRY["elu"], {}, -2.0)) == \
        f"y = {e2:.6g}x - {abs(e2 - 1 + 2 * e2):.6g}"


def test_long_curves_are_drawn_without_plotly_thinning():
    """Plotly's default line simplification leaves visible corners on thick smooth curves."""
    from plots.compare import make_compare_figure
    from plots.home import make_home_figure

    figures = [
        make_explorer_figure(REGISTRY["elu"], {"alpha": 2.0}, -5, 5, x0=1.0, labels=LABELS),
        make_compare_figure(["sigmoid", "tanh"], "h", -6, 6, {"sigmoid": "s", "tanh": "t"},
                            {"x": "x", "y": "y", "lanes": "l"}),
        make_home_figure({}),
    ]
    curves = [tr for fig in figures for tr in fig.data
              if tr.mode == "lines" and tr.x is not None and len(tr.x) > 100]
    assert len(curves) >= 6
    assert all(tr.line.simplify is False for tr in curves)


def test_clickable_curves_carry_undrawn_markers_only_when_asked():
    spec = REGISTRY["relu"]
    plain = make_explorer_figure(spec, {}, -5.0, 5.0, labels=LABELS)
    assert {tr.mode for tr in traces(plain, "H") + traces(plain, "G")} == {"lines"}
    fig = make_explorer_figure(spec, {}, -5.0, 5.0, labels=LABELS, clickable=True)
    for tr in traces(fig, "H") + traces(fig, "G"):
        assert tr.mode == "lines+markers"
        assert tr.marker.maxdisplayed == 1 and tr.marker.opacity == 0
    # the data themselves are the same curves
    np.testing.assert_array_equal(line(fig, "H")[1], line(plain, "H")[1])
