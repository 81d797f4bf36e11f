"""The textbook's initialisation experiment (ゼロから作るDeep Learning §6.2–6.3), computed:
its findings must hold in what gradflow.init_bn computes, and the histograms must be the
forward pass's own values."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import expit

import activations as act
from gradflow import init_bn
from gradflow.init_bn import Setting, experiment, forward
from normalization import BatchNormalization
from plots.regularization_lab import make_histogram_figure
from ui.strings import CATALOGUE


def test_forward_is_the_textbook_network_written_out():
    s = Setting("sigmoid", "xavier", batchnorm=False)
    rng = np.random.default_rng(s.seed)
    a = rng.standard_normal((1000, 100))
    for layer in forward(s).post:
        a = expit(a @ (rng.standard_normal((100, 100)) / np.sqrt(100)))  # Xavier: 1/√n
        np.testing.assert_allclose(layer, a, rtol=1e-12)


def test_batchnorm_is_the_core_layer_before_each_activation():
    s = Setting("relu", "std1", batchnorm=True)
    rng = np.random.default_rng(s.seed)
    a = rng.standard_normal((1000, 100))
    run = forward(s)
    for z_app, a_app in zip(run.pre, run.post, strict=True):
        z = BatchNormalization(np.ones(100), np.zeros(100)).forward(
            a @ rng.standard_normal((100, 100)), train_flg=True)
        a = np.maximum(z, 0.0)
        np.testing.assert_allclose(z_app, z, rtol=1e-12)
        np.testing.assert_allclose(a_app, a, rtol=1e-12)


@pytest.mark.parametrize("activation", init_bn.ACTIVATIONS)
def test_histograms_are_the_forward_pass_counted(activation):
    result = experiment(Setting(activation, "he"))
    for a, h in zip(forward(result.setting).post, result.histograms, strict=True):
        flat = a.ravel()
        if activation == "relu":
            kept = flat[flat > 0]
            counts, _ = np.histogram(kept, h.edges)
            assert h.zero_share == pytest.approx(np.mean(flat == 0))
            assert counts.sum() >= 0.99 * kept.size  # the top 0.5 % may lie past the last bin
        else:
            counts, _ = np.histogram(flat, h.edges)
            assert counts.sum() == flat.size  # every value is in a bin
        np.testing.assert_allclose(h.share, counts / flat.size)


def test_the_figure_draws_the_histograms():
    result = experiment(Setting("relu", "std001"))
    fig = make_histogram_figure(result, "L{layer}", "0: {share:.0%}", "share")
    assert len(fig.data) == 5
    for bar, h in zip(fig.data, result.histograms, strict=True):
        np.testing.assert_allclose(bar.y, h.share)
        np.testing.assert_allclose(bar.x, (h.edges[1:] + h.edges[:-1]) / 2)
    notes = [a.text for a in fig.layout.annotations if a.text.startswith("0:")]
    assert notes == [f"0: {h.zero_share:.0%}" for h in result.histograms]


def relu_figure(init):
    result = experiment(Setting("relu", init))
    return result, make_histogram_figure(result, "L{layer}", "0: {share:.0%}", "share")


@pytest.mark.parametrize("init", init_bn.INITS)
def test_relu_layers_share_one_x_range_the_widest_layers(init):
    result, fig = relu_figure(init)
    tops = [np.percentile(a[a > 0], 99.5) for a in forward(result.setting).post]
    for h in result.histograms:
        assert h.edges[0] == 0 and h.edges[-1] == pytest.approx(max(tops))
    for c in range(1, 6):
        assert fig.layout[f"xaxis{'' if c == 1 else c}"].range == pytest.approx((0, max(tops)))


def first_bin(bar, zero_share):
    return bar.y[0] / (1 - zero_share)


def test_relu_std001_figure_shows_the_signal_vanish():
    result, fig = relu_figure("std001")
    shares = [first_bin(b, h.zero_share) for b, h in zip(fig.data, result.histograms, strict=True)]
    assert shares[0] < 0.5  # layer 1 spreads over the axis (computed 0.15)
    assert shares[1] > 0.5 and all(s > 0.99 for s in shares[2:])  # then one bar at 0
    assert init_bn.first_bin_share(result.histograms[-1]) == pytest.approx(shares[-1])


def test_relu_std1_figure_shows_the_signal_explode():
    result, fig = relu_figure("std1")
    shares = [first_bin(b, h.zero_share) for b, h in zip(fig.data, result.histograms, strict=True)]
    assert all(s > 0.99 for s in shares[:3]) and shares[-1] < 0.5


def test_relu_he_figure_keeps_the_spread():
    result, fig = relu_figure("he")
    assert all(first_bin(b, h.zero_share) < 0.2
               for b, h in zip(fig.data, result.histograms, strict=True))


@pytest.mark.parametrize("activation", init_bn.ACTIVATIONS)
def test_tick_labels_are_plain_numbers(activation):
    fig = make_histogram_figure(experiment(Setting(activation, "std1")), "L{layer}", "{share}", "s")
    for c in range(1, 6):
        assert fig.layout[f"xaxis{'' if c == 1 else c}"].exponentformat == "none"


def test_tanh_std001_vanishes_and_sigmoid_std001_collapses():
    stds = [a.std() for a in forward(Setting("tanh", "std001")).post]
    assert all(b < 0.2 * a for a, b in zip(stds, stds[1:], strict=False))  # ×0.1 per layer
    assert experiment(Setting("tanh", "std001")).reading == "vanish"
    sig = [a.std() for a in forward(Setting("sigmoid", "std001")).post]
    assert max(sig[1:]) < 1.2 * min(sig[1:])  # holds at about 0.012 around 0.5
    assert experiment(Setting("sigmoid", "std001")).reading == "collapse"


def near_ends(a, lo, hi):
    return np.mean((a < lo + 0.1 * (hi - lo)) | (a > hi - 0.1 * (hi - lo)))


def test_sigmoid_std1_piles_up_at_0_and_1():
    run = forward(Setting("sigmoid", "std1"))
    for a in run.post:
        assert near_ends(a, 0, 1) > 0.7  # computed: 0.72–0.82 per layer
        assert np.mean(np.abs(a - 0.5) < 0.1) < 0.1  # the middle fifth: 5 % here
    assert experiment(Setting("sigmoid", "std1")).reading == "saturate"


def test_sigmoid_std001_crowds_around_one_half():
    run = forward(Setting("sigmoid", "std001"))
    for a in run.post:
        assert np.mean(np.abs(a - 0.5) < 0.1) > 0.99
        assert a.std() < 0.03
    assert experiment(Setting("sigmoid", "std001")).reading == "collapse"


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_xavier_spreads_a_bounded_activation(activation):
    lo, hi = init_bn.OUTPUT_RANGE[activation]
    run = forward(Setting(activation, "xavier"))
    for a in run.post:
        assert near_ends(a, lo, hi) < 0.3
        assert a.std() > 0.1 * (hi - lo)
    assert experiment(Setting(activation, "xavier")).reading == "spread"


def test_relu_he_keeps_the_spread_and_xavier_std001_std1_do_not():
    stds = {init: [a.std() for a in forward(Setting("relu", init)).post]
            for init in init_bn.INITS}
    he = stds["he"]
    assert max(he) / min(he) < 1.5
    assert np.all(np.diff(stds["xavier"]) < 0) and stds["xavier"][-1] < 0.4 * stds["xavier"][0]
    assert stds["std001"][-1] < 1e-4 * stds["std001"][0]
    assert stds["std1"][-1] > 1e3 * stds["std1"][0]
    readings = {init: experiment(Setting("relu", init)).reading for init in init_bn.INITS}
    assert readings == {"he": "keep", "xavier": "shrink", "std001": "vanish", "std1": "explode"}


@pytest.mark.parametrize("activation", init_bn.ACTIVATIONS)
@pytest.mark.parametrize("init", init_bn.INITS)
def test_with_batchnorm_every_pre_activation_has_mean_0_and_std_1(activation, init):
    run = forward(Setting(activation, init, batchnorm=True))
    for z in run.pre:
        np.testing.assert_allclose(z.mean(axis=0), 0.0, atol=1e-9)
        np.testing.assert_allclose(z.std(axis=0), 1.0, atol=5e-3)  # ε = 1e-6 in the variance
    summary = experiment(Setting(activation, init, batchnorm=True)).layers
    assert max(s.pre_mean_abs_max for s in summary) < 1e-9
    assert min(s.pre_std_min for s in summary) > 0.995
    assert max(s.pre_std_max for s in summary) <= 1.0


@pytest.mark.parametrize("activation", init_bn.ACTIVATIONS)
def test_with_batchnorm_the_init_no_longer_matters(activation):
    readings = {experiment(Setting(activation, i, batchnorm=True)).reading for i in init_bn.INITS}
    assert readings == ({"keep"} if activation == "relu" else {"spread"})


def test_weight_stds_are_the_textbooks():
    assert init_bn.weight_std("std1", 100) == 1.0
    assert init_bn.weight_std("std001", 100) == 0.01
    assert init_bn.weight_std("xavier", 100) == pytest.approx(0.1)
    assert init_bn.weight_std("he", 100) == pytest.approx(np.sqrt(0.02))


@pytest.mark.parametrize("bad", [dict(activation="gelu"), dict(init="lecun"), dict(layers=0)])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError):
        Setting(**bad)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_edge_slope_bounds_h_prime_where_the_outputs_are_near_an_end(activation):
    slope, peak = init_bn.edge_slope(activation)
    lo, hi = init_bn.OUTPUT_RANGE[activation]
    z = np.linspace(-30, 30, 600001)
    spec = act.REGISTRY[activation]
    y, g = spec.fn(z), spec.grad(z)
    near = (y < lo + 0.1 * (hi - lo)) | (y > hi - 0.1 * (hi - lo))
    assert g[near].max() <= slope + 1e-12
    assert g[near].max() == pytest.approx(slope, rel=1e-3)
    assert g.max() == pytest.approx(peak)
    assert {"sigmoid": 0.09, "tanh": 0.36}[activation] == pytest.approx(slope)  # y(1−y), 1−y²


def test_the_rule_on_the_page_states_the_thresholds_the_reading_uses():
    for text in CATALOGUE["reg.init.rule"]:
        for value in (init_bn.EXPLODE, init_bn.VANISH, init_bn.SHRINK):
            assert f"{value:g}" in text
        assert f"{init_bn.COLLAPSED:.0%}" in text
    assert init_bn.SATURATED == 0.5 and init_bn.EDGE == 0.1  # "half", "10 %" in the texts
