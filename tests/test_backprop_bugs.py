"""The gradient check of /backprop: the correct layers pass it, each planted bug fails it the
way the page says (which parameters, how much), and the buggy code shown is the code run."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import BUGS, BUGS_FOR, gradient_check
from backprop.bugs import (
    PARAMS,
    TOLERANCE,
    AffineTransposedW,
    ReluWithoutMask,
    SoftmaxWithLossWithoutN,
    bug_source,
    gradient_error,
    no_batch_mean_error,
    planted_net,
)
from backprop.graph import ACTIVATIONS, CLASSES
from viewstate.backprop import DEFAULT_SEED, DEFAULT_T, DEFAULT_X

pytestmark = pytest.mark.filterwarnings("error")
rng = np.random.default_rng(1806)
# Batches away from the ReLU kink (a step of ±h in a weight must not cross it).
CASES = [(np.array(DEFAULT_X), np.array(DEFAULT_T), DEFAULT_SEED)]
for _seed in range(8):
    _n = int(rng.integers(1, 5))
    CASES.append((rng.normal(size=(_n, 2)) * 2, rng.integers(0, CLASSES, size=_n), _seed))
NO_MASK = (np.array([[0.0, 1.0], [-1.0, 1.0]]), np.array([1, 2]), 5)  # seed 5: every a1 > 0


def cases(activation):
    """The cases where the check can judge: off the kink, gradients above round-off."""
    for x, t, seed in CASES:
        result = gradient_check(x, t, seed, activation)
        if not result.near_kink and not any(result.too_small(k) for k in PARAMS):
            yield x, t, seed


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_the_correct_layers_pass(activation):
    checked = 0
    for x, t, seed in cases(activation):
        result = gradient_check(x, t, seed, activation)
        assert result.all_passed, (seed, result.errors)
        assert max(result.errors.values()) < 1e-7  # agreement to ~1e-8 and better
        checked += 1
    assert checked >= 6


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_a_forgotten_division_by_n_makes_every_error_n_minus_1_over_n_plus_1(activation):
    for x, t, seed in cases(activation):
        result = gradient_check(x, t, seed, activation, "no_batch_mean")
        n = len(x)
        if n == 1:  # N·a = a: the only batch size where the bug does not show
            assert result.all_passed
            continue
        assert not result.all_passed
        for key in PARAMS:
            assert result.errors[key] == pytest.approx(no_batch_mean_error(n), rel=1e-6), key
    assert no_batch_mean_error(2) == pytest.approx(1 / 3)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_a_transposed_w2_is_caught_in_w1_and_b1_only(activation):
    for x, t, seed in cases(activation):
        result = gradient_check(x, t, seed, activation, "transposed_w")
        assert result.passed("W2") and result.passed("b2")  # upstream of the bug: untouched
    default = gradient_check(DEFAULT_X, DEFAULT_T, DEFAULT_SEED, activation, "transposed_w")
    assert not default.passed("W1") and not default.passed("b1")
    assert min(default.errors["W1"], default.errors["b1"]) > 1e-2


def test_a_transposed_w_fits_the_shapes_only_because_w2_is_square():
    net = planted_net(DEFAULT_SEED, "relu", "transposed_w")
    assert net.params["W2"].shape[0] == net.params["W2"].shape[1]
    assert isinstance(net.layers["Affine2"], AffineTransposedW)
    wide = AffineTransposedW(np.ones((3, 2)), np.zeros(2))  # not square: a shape error
    wide.forward(np.ones((2, 3)))
    with pytest.raises(ValueError):
        wide.backward(np.ones((2, 2)))


def test_a_forgotten_relu_mask_is_caught_in_w1_and_b1_when_something_is_masked():
    for x, t, seed in cases("relu"):
        result = gradient_check(x, t, seed, "relu", "no_relu_mask")
        assert result.passed("W2") and result.passed("b2")
    default = gradient_check(DEFAULT_X, DEFAULT_T, DEFAULT_SEED, "relu", "no_relu_mask")
    assert default.masked == 2
    assert not default.passed("W1") and not default.passed("b1")


def test_a_forgotten_mask_changes_nothing_when_nothing_is_masked():
    x, t, seed = NO_MASK
    result = gradient_check(x, t, seed, "relu", "no_relu_mask")
    assert result.masked == 0 and result.all_passed


def test_the_defaults_jump_from_about_1e_8_to_about_1e_1():
    good = gradient_check(DEFAULT_X, DEFAULT_T, DEFAULT_SEED)
    assert max(good.errors.values()) < 1e-8
    for bug in BUGS[1:]:
        bad = gradient_check(DEFAULT_X, DEFAULT_T, DEFAULT_SEED, "relu", bug)
        assert max(bad.errors.values()) > 0.1, bug


def test_a_relu_input_at_the_kink_is_flagged():
    x = np.array([[0.0, 0.0], [1.0, 1.0]])  # a1 = b1 = 0 for the first sample
    assert gradient_check(x, np.array([0, 1]), 0).near_kink
    assert not gradient_check(DEFAULT_X, DEFAULT_T, DEFAULT_SEED).near_kink
    assert not gradient_check(x, np.array([0, 1]), 0, "sigmoid").near_kink


def test_sigmoid_has_no_mask_to_forget():
    assert "no_relu_mask" not in BUGS_FOR["sigmoid"] and BUGS_FOR["relu"] == BUGS
    with pytest.raises(ValueError):
        planted_net(0, "sigmoid", "no_relu_mask")


@pytest.mark.parametrize(("bug", "cls", "line"), [
    ("no_batch_mean", SoftmaxWithLossWithoutN, "return dx  # バグ"),
    ("transposed_w", AffineTransposedW, "dx = np.dot(dout, self.W)  # バグ"),
    ("no_relu_mask", ReluWithoutMask, "dx = dout  # バグ"),
])
def test_the_code_shown_is_the_code_that_runs(bug, cls, line):
    source = bug_source(bug)
    assert source.startswith("def backward(self, dout")
    assert line in source
    net = planted_net(DEFAULT_SEED, "relu", bug)
    planted = [net.lastLayer, *net.layers.values()]
    assert sum(type(layer) is cls for layer in planted) == 1
    assert TOLERANCE == 1e-6


def test_the_error_is_of_whole_gradients_so_round_off_in_a_tiny_entry_does_not_fail_it():
    a = np.array([1.0, 1.6e-9])
    n = np.array([1.0 + 1e-12, 1.6e-9 + 2e-12])  # round-off of the central difference
    assert gradient_error(a, n) < 1e-11
    assert gradient_error(np.zeros(3), np.zeros(3)) == 0.0
    assert gradient_error([2.0, -4.0], [1.0, -2.0]) == pytest.approx(1 / 3)


def test_a_gradient_below_round_off_is_too_small_to_judge_not_a_failure():
    # saturated softmax, correct labels: every gradient is ~1e-10 and the check cannot judge
    x = np.array([[-9.32, -7.33], [6.66, 3.74], [9.63, 5.13], [1.88, 0.78]])
    result = gradient_check(x, np.array([0, 0, 2, 2]), 22)
    assert result.too_small("W1") and result.errors["W1"] > TOLERANCE
    assert result.passed("W1")


def test_the_numerical_gradient_costs_two_forward_passes_per_parameter():
    net = planted_net(DEFAULT_SEED, "relu", "none")
    calls = []
    loss = net.loss
    net.loss = lambda x, t: calls.append(1) or loss(x, t)  # count what numerical_gradient runs
    net.numerical_gradient(np.array(DEFAULT_X), np.array(DEFAULT_T))
    assert len(calls) == 2 * sum(p.size for p in net.params.values()) == 2 * 21


def test_the_masked_count_is_the_relu_inputs_at_or_below_zero():
    net = planted_net(DEFAULT_SEED, "relu", "none")
    p = net.params
    a1 = np.array(DEFAULT_X) @ p["W1"] + p["b1"]
    assert gradient_check(DEFAULT_X, DEFAULT_T, DEFAULT_SEED).masked == int(np.sum(a1 <= 0))


def test_the_weights_are_seeded_normal_with_std_1_and_the_biases_start_at_0():
    p = planted_net(7, "relu", "none").params
    assert (p["W1"].shape, p["W2"].shape) == ((2, 3), (3, 3))  # 2 inputs, 3 hidden, 3 classes
    draws = np.random.default_rng(7).standard_normal(2 * 3 + 3 * 3)
    np.testing.assert_array_equal(p["W1"].ravel(), draws[:6])
    np.testing.assert_array_equal(p["W2"].ravel(), draws[6:])
    assert not p["b1"].any() and not p["b2"].any()


def test_too_small_means_about_the_size_of_round_off():
    x = np.array([[-9.32, -7.33], [6.66, 3.74], [9.63, 5.13], [1.88, 0.78]])
    t = np.array([0, 0, 2, 2])
    result = gradient_check(x, t, 22)
    net = planted_net(22, "relu", "none")
    loss = abs(net.loss(x, t))
    eps_over_h = np.finfo(float).eps / 1e-4  # ≈ 2.2e-12
    for key in ("W1", "b1"):
        gap = np.linalg.norm(result.analytic[key] - result.numeric[key])
        assert 0 < gap < 100 * eps_over_h * max(loss, 1.0), key


def test_at_the_kink_even_the_correct_layers_can_fail():
    x = np.array([[0.0, 0.0], [1.0, 1.0]])  # a1 = b1 = 0 for the first sample
    result = gradient_check(x, np.array([0, 1]), 0)
    assert result.near_kink and not result.all_passed
    # ... and the verdict says the kink, not the code: only W1, b1 move a1
    assert result.verdict("b1") == "kink" and result.failed == ()
    assert {k for k in PARAMS if result.unreliable(k)} <= {"W1", "b1"}
