"""The random deep MLP: backprop against finite differences, seeds, dead units, and the
three behaviours the page teaches (sigmoid vanishes, ReLU + He holds, a bad scale explodes)."""

import numpy as np
import pytest

from gradflow import mlp

SMOOTH = ("sigmoid", "tanh", "identity", "gelu", "softplus", "swish", "mish", "elu")


def _bias_gradient_fd(net: mlp.Network, name: str, h: float = 1e-6) -> list[np.ndarray]:
    """∂L/∂b_l by central differences of the scalar loss, one bias entry at a time."""
    out = []
    for layer in range(len(net.biases)):
        g = np.zeros_like(net.biases[layer])
        for j in range(g.size):
            original = net.biases[layer][j]
            net.biases[layer][j] = original + h
            up = mlp.loss(net, name)
            net.biases[layer][j] = original - h
            down = mlp.loss(net, name)
            net.biases[layer][j] = original
            g[j] = (up - down) / (2 * h)
        out.append(g)
    return out


@pytest.mark.parametrize("name", SMOOTH)
def test_backprop_matches_finite_differences(name):
    cfg = mlp.MLPConfig(depth=4, width=6, batch=5, init="xavier", bias=0.1, seed=3)
    net = mlp.make_network(cfg)
    acts, derivs, overflow = mlp.forward(net.inputs, net.weights, net.biases, name)
    assert overflow is None
    deltas, _ = mlp.backward(net.upstream, net.weights, derivs)
    fd = _bias_gradient_fd(net, name)
    for layer, (delta, want) in enumerate(zip(deltas, fd, strict=True)):
        # ∂L/∂b_l sums δ_l over the batch
        np.testing.assert_allclose(delta.sum(axis=0), want, rtol=1e-6, atol=1e-9,
                                   err_msg=f"{name}, layer {layer + 1}")


@pytest.mark.parametrize("name", ["relu", "leaky_relu", "tanh"])
def test_probe_reports_the_gradient_norm_of_a_single_input(name):
    """With one input, ‖δ_l‖ is exactly ‖∂L/∂b_l‖, which finite differences give."""
    cfg = mlp.MLPConfig(depth=5, width=8, batch=1, init="he", seed=11)
    net = mlp.make_network(cfg)
    stats = mlp.probe(cfg, name, net=net)
    fd = _bias_gradient_fd(net, name)
    np.testing.assert_allclose(stats.grad_norm, [np.linalg.norm(g) for g in fd], rtol=1e-6)


def test_same_seed_same_numbers_other_seed_other_numbers():
    cfg = mlp.MLPConfig(depth=8, width=32, batch=16, seed=5)
    a, b = mlp.probe(cfg, "tanh"), mlp.probe(cfg, "tanh")
    np.testing.assert_array_equal(a.grad_norm, b.grad_norm)
    np.testing.assert_array_equal(a.quantiles, b.quantiles)
    c = mlp.probe(mlp.MLPConfig(depth=8, width=32, batch=16, seed=6), "tanh")
    assert not np.array_equal(a.grad_norm, c.grad_norm)


def test_init_scales():
    n = 256
    assert mlp.init_std("xavier", n, n) == pytest.approx(1 / np.sqrt(n), rel=1e-15)
    assert mlp.init_std("he", n, n) == pytest.approx(np.sqrt(2) / np.sqrt(n), rel=1e-15)
    assert mlp.init_std("custom", n, n, 0.3) == 0.3
    net = mlp.make_network(mlp.MLPConfig(depth=3, width=n, batch=4, init="he"))
    assert np.std(np.concatenate([w.ravel() for w in net.weights])) == pytest.approx(
        np.sqrt(2 / n), rel=0.01)


def test_dead_units_are_those_silent_for_every_input():
    cfg = mlp.MLPConfig(depth=6, width=64, batch=32, bias=-0.3, seed=2)
    net = mlp.make_network(cfg)
    stats = mlp.probe(cfg, "relu", net=net)
    acts, _, _ = mlp.forward(net.inputs, net.weights, net.biases, "relu")
    want = [np.mean(~np.any(a > 0, axis=0)) for a in acts]
    np.testing.assert_array_equal(stats.dead, want)


def test_a_negative_bias_kills_relu_units_but_not_leaky_ones():
    base = dict(depth=20, width=64, batch=32, init="he", seed=0)
    dead = {b: mlp.probe(mlp.MLPConfig(**base, bias=b), "relu", with_gradient=False).dead
            for b in (0.0, -0.2, -0.5, -1.0)}
    means = [dead[b].mean() for b in (0.0, -0.2, -0.5, -1.0)]
    assert all(x < y for x, y in zip(means, means[1:], strict=False)), means
    assert means[-1] > 0.8 and means[0] < 0.3
    for name in ("leaky_relu", "elu"):
        other = mlp.probe(mlp.MLPConfig(**base, bias=-1.0), name, with_gradient=False)
        assert np.all(other.dead == 0.0), name


def test_he_relu_holds_steady_while_sigmoid_vanishes():
    he = mlp.MLPConfig(depth=40, width=128, batch=32, init="he", seed=1)
    relu = mlp.probe(he, "relu").grad_norm
    assert relu.max() / relu.min() < 10.0  # every layer within one order of magnitude
    sigmoid = mlp.probe(he, "sigmoid")
    assert mlp.gradient_ratio(sigmoid) < 1e-10
    assert mlp.verdict(sigmoid) == "vanish" and mlp.verdict(mlp.probe(he, "relu")) == "steady"
    xavier = mlp.probe(mlp.MLPConfig(depth=40, width=128, batch=32, init="xavier", seed=1), "relu")
    assert mlp.gradient_ratio(xavier) < 1e-4  # ReLU halves the variance per layer: (1/√2)^40


def test_too_large_a_scale_explodes():
    big = mlp.probe(mlp.MLPConfig(depth=30, width=128, batch=16, init="custom", std=0.3), "relu")
    assert mlp.gradient_ratio(big) > 1e6 and mlp.verdict(big) == "explode"
    assert big.std[-1] > 1e6 * big.std[0]


def test_overflow_is_caught_without_warnings():
    """Far past the float64 range: the probe stops and says where, with no RuntimeWarning."""
    # the identity multiplies the scale by about 1.0·√256 = 16 per layer: 16^200 ≈ 1e240
    cfg = mlp.MLPConfig(depth=200, width=256, batch=8, init="custom", std=1.0)
    stats = mlp.probe(cfg, "identity")
    assert stats.forward_overflow is not None and 100 < stats.forward_overflow < 200
    k = stats.forward_overflow
    assert np.all(np.isfinite(stats.std[: k - 1])) and np.all(np.isnan(stats.std[k - 1:]))
    assert np.all(np.isnan(stats.grad_norm)) and mlp.verdict(stats) == "overflow"


def test_safe_norm_survives_huge_and_tiny_values():
    x = np.array([[3.0, 4.0]])
    assert mlp.safe_norm(x) == 5.0
    assert mlp.safe_norm(x * 1e200) == pytest.approx(5e200, rel=1e-15)
    assert mlp.safe_norm(x * 1e-200) == pytest.approx(5e-200, rel=1e-15)
    assert mlp.safe_norm(np.zeros((2, 2))) == 0.0


def test_bad_settings_are_refused():
    for bad in (dict(depth=0), dict(init="glorot"), dict(std=0.0), dict(bias=float("nan"))):
        with pytest.raises(ValueError):
            mlp.MLPConfig(**bad)


def test_with_bias_shares_weights_and_matches_a_fresh_network():
    cfg = mlp.MLPConfig(depth=5, width=16, batch=8, bias=-0.4, seed=4)
    fresh = mlp.probe(cfg, "relu")
    base = mlp.make_network(mlp.MLPConfig(depth=5, width=16, batch=8, bias=0.0, seed=4))
    shifted = mlp.with_bias(base, -0.4)
    assert shifted.weights is base.weights and np.all(base.biases[0] == 0.0)
    np.testing.assert_array_equal(mlp.probe(cfg, "relu", net=shifted).grad_norm, fresh.grad_norm)


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_layer_statistics_match_numpy(name):
    cfg = mlp.MLPConfig(depth=6, width=64, batch=128, seed=8)  # 8192 > 4096: quantiles sampled
    net = mlp.make_network(cfg)
    stats = mlp.probe(cfg, name, net=net)
    acts, _, _ = mlp.forward(net.inputs, net.weights, net.biases, name)
    np.testing.assert_allclose(stats.mean, [a.mean() for a in acts], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(stats.std, [a.std() for a in acts], rtol=1e-10)
    # the sampled median is close to the exact one (4096 of 8192 values)
    exact = np.array([np.median(a) for a in acts])
    assert np.all(np.abs(stats.quantiles[:, 2] - exact) < 0.1 * np.array([a.std() for a in acts]))


@pytest.mark.parametrize(("name", "init", "std"), [("sigmoid", "xavier", 0.1), ("relu", "he", 0.1),
                                                    ("tanh", "custom", 0.01)])
def test_float32_page_network_reports_the_float64_norms(name, init, std):
    """The page runs float32; rescaled backprop keeps even 1e-80 gradients (below float32's
    range) and agrees with the float64 run to float32 precision."""
    base = dict(depth=40, width=64, batch=32, init=init, std=std, seed=2)
    f64 = mlp.probe(mlp.MLPConfig(**base, dtype="float64"), name).grad_norm
    f32 = mlp.probe(mlp.MLPConfig(**base, dtype="float32"), name).grad_norm
    assert np.all(f64 > 0) and np.all(np.isfinite(f32))
    np.testing.assert_allclose(f32, f64, rtol=2e-3)
    if name == "tanh":  # 0.01 weights shrink the gradient far past float32's 1e-38
        assert f64[0] < np.finfo(np.float32).tiny


def test_rescaled_norms_match_the_plain_backward_pass():
    cfg = mlp.MLPConfig(depth=10, width=32, batch=8, init="xavier", seed=9)
    net = mlp.make_network(cfg)
    _, derivs, _ = mlp.forward(net.inputs, net.weights, net.biases, "gelu")
    deltas, _ = mlp.backward(net.upstream, net.weights, derivs)
    norms, overflow = mlp.backward_norms(net.upstream, net.weights, derivs)
    assert overflow is None
    np.testing.assert_allclose(norms, [np.linalg.norm(d) for d in deltas], rtol=1e-12)
