"""The loss lab's logic and figures, against references written out here (mpmath at 50 digits),
and every claim the page's text makes about what it computes."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest

import losses
from plots.loss_lab import GRAD_RANGE, make_logit_figure, make_loss_figure, make_routes_figure
from viewstate import loss_lab as ll
from viewstate.query import Problem

mp.mp.dps = 50


def mp_sigmoid(a):
    return 1 / (1 + mp.exp(-mp.mpf(a)))


def ref_bce(y, t):
    y, t = mp.mpf(y), mp.mpf(t)
    return float(-(t * mp.log(y) + (1 - t) * mp.log(1 - y)))


def ref_logit_grads(a, t):
    """(σ(a) − t, (σ(a) − t)·σ(a)(1 − σ(a))), the two pairings' ∂E/∂a, at 50 digits."""
    s = mp_sigmoid(a)
    return float(s - t), float((s - t) * s * (1 - s))


def ref_softmax(a):
    e = [mp.exp(mp.mpf(v)) for v in a]
    total = mp.fsum(e)
    return [v / total for v in e]


# --- ① loss against the prediction --------------------------------------------------------

@pytest.mark.parametrize(("y", "t"), [(0.2, 1.0), (0.9, 0.0), (0.001, 1.0), (0.999, 0.0),
                                      (0.3, 0.5), (0.5, 0.5)])
def test_probe_values(y, t):
    p = ll.loss_probe(y, t)
    assert p.bce == pytest.approx(ref_bce(y, t), rel=1e-12)
    ym, tm = mp.mpf(y), mp.mpf(t)
    assert p.bce_grad == pytest.approx(float(-tm / ym + (1 - tm) / (1 - ym)), rel=1e-12, abs=1e-15)
    assert p.se == pytest.approx(0.5 * (y - t) ** 2, rel=1e-15)  # the exam's ½Σ, one output
    assert p.se_grad == pytest.approx(y - t, rel=1e-15)


def test_the_convention_caption_claims_the_mean_form_is_twice_the_gradient():
    """「PyTorch の MSELoss（½ なし・平均）… ∂E/∂y = …（2 倍）」: for one output, no ½."""
    for y, t in ((0.2, 1.0), (0.7, 0.0), (0.5, 0.5)):
        p = ll.loss_probe(y, t)
        assert p.mean == pytest.approx((y - t) ** 2, rel=1e-15)
        assert p.mean_grad == pytest.approx(2 * p.se_grad, rel=1e-15)


def test_loss_curves_are_the_cores_values():
    c = ll.loss_curves(0.0)
    assert c.y[0] == ll.Y_MIN and c.y[-1] == ll.Y_MAX
    for i in (0, 57, 200, len(c.y) - 1):
        assert c.bce[i] == pytest.approx(ref_bce(c.y[i], 0.0), rel=1e-12)
        assert c.se_grad[i] == pytest.approx(c.y[i], rel=1e-15)


def test_loss_figure_draws_the_core_and_the_probe():
    t, y = 1.0, 0.2
    curves, probe = ll.loss_curves(t), ll.loss_probe(y, t)
    names = dict(bce="BCE", se="SE", loss="E", grad="dE", y="y", probe="probe")
    fig = make_loss_figure(curves, probe, names)
    lines = [tr for tr in fig.data if tr.mode == "lines"]
    assert [tr.yaxis for tr in lines] == ["y", "y", "y2", "y2"]
    np.testing.assert_array_equal(lines[0].y, losses.binary_cross_entropy(curves.y, t))
    np.testing.assert_array_equal(lines[1].y, losses.squared_error(curves.y, t))
    np.testing.assert_array_equal(lines[2].y, losses.binary_cross_entropy_grad(curves.y, t))
    np.testing.assert_array_equal(lines[3].y, losses.squared_error_grad(curves.y, t))
    probes = [tr for tr in fig.data if tr.name == "probe"]
    assert [list(tr.x) for tr in probes] == [[y, y], [y, y]]
    assert list(probes[0].y) == pytest.approx([ref_bce(y, t), 0.5 * (y - t) ** 2], rel=1e-12)
    assert list(probes[1].y) == pytest.approx([-1 / y, y - t], rel=1e-12)
    assert fig.layout.yaxis2.range == (-GRAD_RANGE, GRAD_RANGE)


def test_the_derivative_is_clipped_where_the_caption_says():
    """「微分のグラフは ±10 で切っています（BCE は y → 0, 1 で ±∞ に向かいます）」"""
    c = ll.loss_curves(1.0)
    assert c.bce_grad.min() < -GRAD_RANGE  # the curve does leave the drawn range
    assert ll.loss_curves(0.0).bce_grad.max() > GRAD_RANGE


# --- ② sigmoid + BCE against sigmoid + MSE --------------------------------------------------

@pytest.mark.parametrize("a", [-10.0, -5.0, -0.3, 0.0, 2.5, 10.0])
@pytest.mark.parametrize("t", [0, 1])
def test_logit_probe_against_the_chain_rule_written_out(a, t):
    p = ll.logit_probe(a, t)
    bce, mse = ref_logit_grads(a, t)
    assert p.bce == pytest.approx(bce, rel=1e-12, abs=1e-300)
    assert p.mse == pytest.approx(mse, rel=1e-12, abs=1e-300)
    s = mp_sigmoid(a)
    assert p.ratio == pytest.approx(float(1 / (s * (1 - s))), rel=1e-12)  # = 1/σ′(a)
    assert p.wrong == ((float(s) < 0.5) if t == 1 else (float(s) > 0.5))


@pytest.mark.parametrize(("a", "t", "verdict"), [(-5.0, 1, "stall"), (-3.0, 1, "stall"),
                                                 (-2.5, 1, "wrong"), (-0.1, 1, "wrong"),
                                                 (0.1, 1, "right"), (6.0, 0, "stall"),
                                                 (-8.0, 0, "right")])
def test_the_verdict_says_saturated_only_where_sigma_prime_is_small(a, t, verdict):
    """「飽和しています（σ′(a) ≤ 0.05）」 only where it is, and then MSE's gradient is ≥ 20× smaller."""
    p = ll.logit_probe(a, t)
    assert p.verdict == verdict
    s = float(mp_sigmoid(a))
    if verdict == "stall":
        assert s * (1 - s) <= 0.05 and p.ratio >= 20
    if verdict == "wrong":
        assert s * (1 - s) > 0.05


def test_the_worked_example_in_the_text():
    """「t = 1、a = −5（y = 0.0067）で、二乗誤差の勾配は BCE の約 150 分の 1」: the page fills
    the numbers from logit_probe; here they are computed again, independently."""
    p = ll.logit_probe(ll.EXAMPLE_A, 1)
    s = mp_sigmoid(-5)
    assert ll.EXAMPLE_A == -5.0 and f"{p.y:.4f}" == f"{float(s):.4f}" == "0.0067"
    bce, mse = ref_logit_grads(-5, 1)
    assert f"{p.ratio:.0f}" == f"{abs(bce) / abs(mse):.0f}" == "150"


def test_mse_stalls_where_the_output_saturates_and_is_wrong():
    """The section's claim: wrong and saturated (t = 1, a ≤ −4; t = 0, a ≥ 4), BCE's gradient
    stays near 1 while the squared error's is nearly 0 — over the whole slider."""
    for t, wrong_side in ((1, np.linspace(ll.A_MIN, -4, 61)), (0, np.linspace(4, ll.A_MAX, 61))):
        bce, mse = ll.logit_grads(wrong_side, t)
        assert np.all(np.abs(bce) > 0.98)
        assert np.all(np.abs(mse) < 0.02 * np.abs(bce))


def test_logit_figure_draws_the_absolute_gradients():
    t = 1
    curves, probe = ll.logit_curves(t), ll.logit_probe(-5.0, t)
    fig = make_logit_figure(curves, probe, dict(bce="B", mse="M", grad="g", a="a", probe="p"))
    bce, mse = fig.data[0], fig.data[1]
    np.testing.assert_array_equal(bce.y, np.abs(losses.binary_cross_entropy_with_logits_grad(curves.a, t)))
    for i in (0, 100, 200, 333):
        assert mse.y[i] == pytest.approx(abs(ref_logit_grads(curves.a[i], t)[1]), rel=1e-12, abs=1e-300)
    assert list(fig.data[2].x) == [-5.0, -5.0]
    assert list(fig.data[2].y) == pytest.approx([abs(v) for v in ref_logit_grads(-5, t)], rel=1e-12)


# --- ③ softmax + cross-entropy --------------------------------------------------------------

@pytest.mark.parametrize("logits", [(2.0, 1.0, 0.1), (-3.0, 0.0, 3.0, 7.5), (30.0, -30.0),
                                    tuple(float(v) for v in range(10))])
def test_both_routes_give_y_minus_t(logits):
    for label in range(len(logits)):
        r = ll.softmax_routes(logits, label)
        y = ref_softmax(logits)
        want = [float(v - (k == label)) for k, v in enumerate(y)]
        np.testing.assert_allclose(r.fused, want, rtol=1e-12, atol=1e-300)
        assert not r.broken
        assert r.max_diff < 1e-12  # 「丸め誤差のみ」
        assert r.loss == pytest.approx(float(-mp.log(y[label])), rel=1e-12)
        jac = [[float(y[i] * ((i == j) - y[j])) for j in range(len(y))] for i in range(len(y))]
        np.testing.assert_allclose(r.jacobian, jac, rtol=1e-12, atol=1e-300)


def test_the_jacobian_route_breaks_where_y_underflows_and_the_fused_one_does_not():
    r = ll.softmax_routes((0.0, 1000.0, 0.0), 0)
    assert r.y[0] == 0.0 and r.de_dy[0] == -math.inf
    assert r.broken and np.isnan(r.via_jacobian).all()
    assert list(r.fused) == [-1.0, 1.0, 0.0] and r.loss == 1000.0


@pytest.mark.parametrize(("logits", "y_label"), [((0.0, 710.0), 4.476e-309),  # subnormal
                                                 ((0.0, 745.0), 5e-324)])
def test_the_jacobian_route_breaks_where_minus_t_over_y_overflows(logits, y_label):
    """「∂E/∂y = −t/y が float64 の範囲を超え −∞…ヤコビ行列経由は inf や NaN、y − t は有限」"""
    r = ll.softmax_routes(logits, 0)
    assert r.y[0] == pytest.approx(y_label, rel=1e-3) and r.de_dy[0] == -math.inf
    assert r.broken and not np.isfinite(r.via_jacobian).any()
    np.testing.assert_array_equal(r.fused, [-1.0, 1.0])
    assert r.loss == pytest.approx(logits[1], rel=1e-15)
    fig = make_routes_figure(["1", "2"], r.fused, r.via_jacobian,
                             dict(fused="f", jacobian="j", grad="g", **{"class": "k"}))
    assert [a.text for a in fig.layout.annotations] == ["-inf", "inf"]


def test_routes_figure():
    r = ll.softmax_routes((2.0, 1.0, 0.1), 1)
    fig = make_routes_figure(["1", "2", "3"], r.fused, r.via_jacobian,
                             dict(fused="f", jacobian="j", grad="g", **{"class": "k"}))
    np.testing.assert_array_equal(fig.data[0].y, r.fused)
    np.testing.assert_array_equal(fig.data[1].y, r.via_jacobian)
    assert fig.layout.annotations == ()
    broken = ll.softmax_routes((0.0, 1000.0), 0)
    fig = make_routes_figure(["1", "2"], broken.fused, broken.via_jacobian,
                             dict(fused="f", jacobian="j", grad="g", **{"class": "k"}))
    assert [(a.x, a.text) for a in fig.layout.annotations] == [(0.2, "NaN"), (1.2, "NaN")]


# --- ④ log(0), + 1e-7, the stable form -------------------------------------------------------

def test_safety_rows_hit_the_probabilities_they_name():
    rows = ll.safety_rows()
    for y, row in zip(ll.SAFETY_Y, rows, strict=False):
        assert row.y == pytest.approx(y, rel=1e-12)
    assert rows[-1].y == 0.0  # a = −800: e^−800 is below the smallest float64


def test_each_column_of_the_safety_table():
    for row in ll.safety_rows(-20.0):
        a = mp.mpf(row.a)
        true = float(-a + mp.log(1 + mp.exp(a)))  # −log σ(a), no rounding to 0
        assert row.stable == pytest.approx(true, rel=1e-12)  # finite everywhere, never capped
        assert row.textbook == pytest.approx(float(-mp.log(mp.mpf(row.y) + mp.mpf(1e-7))),
                                             rel=1e-9)
        if row.y == 0:
            assert row.naive == math.inf
        else:
            assert row.naive == pytest.approx(float(-mp.log(mp.mpf(row.y))), rel=1e-12)


def test_the_delta_note():
    """「損失は −log(1e-7) ≈ 16.1 で頭打ち… y が 1e-7 より十分小さい間違い（1e-10 でも 1e-300
    でも 0 でも）はすべてほぼ同じ損失」 and 「安定な形なら inf にも頭打ちにもなりません」."""
    cap = ll.textbook_cap()
    assert cap == pytest.approx(-math.log(1e-7), rel=1e-15) and f"{cap:.1f}" == "16.1"
    rows = ll.safety_rows()
    assert all(r.textbook <= cap for r in rows)
    tiny = [r for r in rows if r.y <= 1e-10]
    assert len(tiny) == 3 and all(f"{r.textbook:.1f}" == "16.1" for r in tiny)
    assert all(math.isfinite(r.stable) for r in rows) and max(r.stable for r in rows) > 10 * cap


def test_an_extra_row():
    assert len(ll.safety_rows(3.0)) == len(ll.SAFETY_Y) + 2
    assert ll.safety_rows(3.0)[-1].a == 3.0


# --- formulas and the URL --------------------------------------------------------------------

@pytest.mark.parametrize("fn", [losses.binary_cross_entropy, losses.binary_cross_entropy_grad,
                                losses.squared_error, losses.squared_error_grad,
                                losses.binary_cross_entropy_with_logits_grad,
                                losses.softmax_cross_entropy_grad])
def test_math_block_is_the_whole_formula_of_the_docstring(fn):
    block = ll.math_block(fn)
    doc = " ".join(fn.__doc__.split())
    assert block in doc and block.count(r"\left(") == block.count(r"\right)")
    assert "=" in block


def test_math_block_keeps_the_continuation_line():
    block = ll.math_block(losses.softmax_cross_entropy_grad)
    assert block.endswith(r"y_n = \operatorname{softmax}(a_n)")


def test_query_round_trip():
    view = ll.LossView(t=0.0, y=0.9, a=3.5, ta=0, logits="1, 2, 3", label=2, extra=-1000.0)
    back, problems = ll.parse_query(ll.to_query(view))
    assert back == view and problems == []
    assert ll.to_query(ll.LossView()) == {}
    assert ll.to_query(ll.LossView(t=0.1 + 0.05)) == {"t": "0.15"}  # 0.15000000000000002


@pytest.mark.parametrize(("raw", "code", "field"), [
    ({"t": "x"}, "not_a_number", "t"),
    ({"t": "1.5"}, "out_of_range", "t"),
    ({"y": "0"}, "out_of_range", "y"),  # BCE's infinity is not on the slider
    ({"a": "inf"}, "out_of_range", "a"),
    ({"ta": "0.5"}, "not_allowed", "ta"),
    ({"label": "10"}, "not_allowed", "label"),  # labels count from 0: 10 classes, 0 to 9
    ({"label": "-1"}, "not_allowed", "label"),
    ({"label": "abc"}, "not_a_number", "label"),
])
def test_bad_query_values_fall_back(raw, code, field):
    view, problems = ll.parse_query(raw)
    assert view == ll.LossView()
    assert [(p.code, p.fields["field"]) for p in problems] == [(code, field)]
    assert isinstance(problems[0], Problem)


def test_the_stable_formula_on_screen_is_what_the_stable_column_computes():
    """−log softmax(a)_k = −a_k + c + log S, S = Σ e^{a_j − c}, c = max a (STABLE_LOG_LATEX)."""
    for a in (0.0, -23.0, -800.0, 40.0):
        z = np.array([a, 0.0])
        c = z.max()
        by_formula = -z[0] + c + math.log(np.sum(np.exp(z - c)))
        assert ll.safety_row(a).stable == pytest.approx(by_formula, rel=1e-15)


@pytest.mark.parametrize(("raw", "shown"), [({"y": "1e400"}, "1e400"), ({"a": "-11"}, "-11"),
                                            ({"label": "1e400"}, "1e400"), ({"t": " 2 "}, "2")])
def test_a_bad_link_value_is_quoted_as_typed(raw, shown):
    _, problems = ll.parse_query(raw)
    assert [p.fields["value"] for p in problems] == [shown]


@pytest.mark.parametrize("text", ["abc", "1001", "inf", "nan"])
def test_a_bad_extra_logit_in_a_link_adds_no_row(text):
    view, problems = ll.parse_query({"extra": text})
    assert view.extra is None
    assert [(p.code, p.fields["value"]) for p in problems] == [("extra", text)]


def test_the_page_names_the_prediction_y_in_the_bce_formulas():
    # the core's p becomes y; \partial and \left keep their p and l
    shown = [ll.in_y(ll.math_block(fn)) for fn in (losses.binary_cross_entropy,
                                                    losses.binary_cross_entropy_grad)]
    assert shown == [r"E = -\left(t \log y + (1 - t)\log(1 - y)\right)",
                     r"\frac{\partial E}{\partial y} = -\frac{t}{y} + \frac{1 - t}{1 - y}"
                     r" = \frac{y - t}{y(1 - y)}"]


def sigmoid(a: float) -> float:
    return 1 / (1 + math.exp(-a))


@pytest.mark.parametrize(("ratio", "rounded", "digits"), [
    (1 / (0.5 * 0.5), False, "4"),  # a = 0: σ′ = ¼
    (1 / (sigmoid(-5) * (1 - sigmoid(-5))), True, "150"),
    (1 / (sigmoid(10) * (1 - sigmoid(10))), True, "22,000"),  # 22,028.5
])
def test_ratio_text_reads_as_a_rounded_number(ratio, rounded, digits):
    assert ll.ratio_text(ratio) == (rounded, digits)


def test_a_zero_is_on_the_boundary_not_on_the_right_side():
    for t in (0, 1):
        probe = ll.logit_probe(0.0, t)
        assert probe.y == 0.5 and probe.verdict == "boundary" and not probe.wrong
        assert probe.ratio == 4.0
        # the smallest gap of all: 1/σ′(a) is smallest where σ′ peaks
        assert all(ll.logit_probe(a, t).ratio > probe.ratio for a in (-3, -0.1, 0.1, 3))
    assert ll.logit_probe(0.1, 1).verdict == "right" and ll.logit_probe(-0.1, 1).verdict == "wrong"


def test_the_textbook_loss_dips_below_zero_only_near_y_1():
    rows = ll.safety_rows(1000.0)
    row = ll.below_zero(rows)
    assert row is rows[-1] and row.y == 1.0
    assert row.textbook == pytest.approx(-math.log1p(1e-7), rel=1e-9)
    assert ll.below_zero(ll.safety_rows()) is None
    # what the note says: it dips exactly where y + 1e-7 passes 1, even with y still below 1
    near = ll.below_zero(ll.safety_rows(17.0))  # y = 1 − 4.1e-8
    assert near is not None and near.y < 1 and near.y + 1e-7 > 1
    assert ll.below_zero(ll.safety_rows(15.0)) is None  # y = 1 − 3.1e-7: y + 1e-7 < 1
    assert ll.below_zero(ll.safety_rows(-5.0)) is None


def test_the_underflow_and_the_overflow_of_minus_t_over_y_are_told_apart():
    assert ll.softmax_routes((0.0, 800.0), 0).y_label == 0.0  # e^-800: underflows to 0
    r = ll.softmax_routes((0.0, 710.0), 0)  # e^-710 ≈ 4.5e-309: subnormal, but −1/y = −inf
    assert r.broken and r.y_label > 0


def test_every_loss_link_in_the_bank_opens_without_a_warning():
    """Labels count from 0 on the page, as in the textbook: a link's label is a 0-based index
    (lo-trace-numgrad's correct class is a[1], so its link says label=1)."""
    from pathlib import Path
    from urllib.parse import parse_qs, urlsplit

    import yaml

    from viewstate import logits as lg
    links = {q["id"]: q["link"] for f in Path("quiz_data").glob("*.yaml")
             for q in (yaml.safe_load(f.read_text()) or {}).get("questions", [])
             if str(q.get("link", "")).startswith("/loss?")}
    assert "lo-trace-numgrad" in links
    for qid, link in links.items():
        raw = {k: v[-1] for k, v in parse_qs(urlsplit(link).query).items()}
        view, problems = ll.parse_query(raw)
        assert problems == [], qid
        assert view.label < len(lg.parse_logits(view.logits, lg.DEFAULT_LOGITS).values), qid
    trace = {k: v[-1] for k, v in parse_qs(urlsplit(links["lo-trace-numgrad"]).query).items()}
    assert ll.parse_query(trace)[0].label == 1  # the question's k = 1
    # lo-gr-softmax-ce's class 2 of 3 (counted from 1 in its figure) is the page's k = 1: the
    # link opens on that class, its probability the one the explanation gives (about 0.63)
    ce = {k: v[-1] for k, v in parse_qs(urlsplit(links["lo-gr-softmax-ce"]).query).items()}
    view = ll.parse_query(ce)[0]
    z = np.array(lg.parse_logits(view.logits, lg.DEFAULT_LOGITS).values)
    y = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert view.label == 1 and round(float(y[view.label]), 2) == 0.63
