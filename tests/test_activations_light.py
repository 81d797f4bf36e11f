"""The activations of lightweight networks and PReLU: the kink conventions (the branch on the
left of every kink), PReLU's gradient with respect to its learned slope, and the facts the
study content states about them, computed."""

import mpmath as mp
import numpy as np
import pytest

import activations as act
from tests import references as ref

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize(("fn", "x", "want"), [
    (act.relu6_grad, 0.0, 0.0), (act.relu6_grad, 6.0, 1.0),
    (act.hard_sigmoid_grad, -3.0, 0.0), (act.hard_sigmoid_grad, 3.0, 1 / 6),
    (act.hard_swish_grad, -3.0, 0.0), (act.hard_swish_grad, 3.0, 1.5),
    (act.prelu_grad, 0.0, 0.25)])
def test_each_kink_takes_the_branch_on_its_left(fn, x, want):
    assert float(fn(x)) == want
    assert "x ≤ kink" in fn.__doc__ or "x ≤ 0" in fn.__doc__


@pytest.mark.parametrize("name", ["relu6", "hard_sigmoid", "hard_swish", "prelu"])
def test_the_left_branch_is_the_limit_from_the_left(name):
    spec = act.REGISTRY[name]
    for k in spec.kinks:
        h = 1e-7
        left_slope = (float(ref.h(name, k)) - float(ref.h(name, k - h))) / h
        assert float(spec.grad(k)) == pytest.approx(left_slope, abs=1e-6)


@pytest.mark.parametrize("x", [-2.5, -0.3, 0.7, 4.0])
@pytest.mark.parametrize("alpha", [0.0, 0.25, 0.9])
def test_prelu_gradient_in_alpha_is_the_central_difference(x, alpha):
    h = 1e-6
    lo, hi = max(alpha - h, 0.0), min(alpha + h, 1.0)
    numeric = (float(act.prelu(x, alpha=hi)) - float(act.prelu(x, alpha=lo))) / (hi - lo)
    assert float(act.prelu_grad_alpha(x, alpha=alpha)) == pytest.approx(numeric, abs=1e-9)


def test_prelu_is_leaky_relu_with_its_own_default():
    x = np.linspace(-5, 5, 41)
    np.testing.assert_array_equal(act.prelu(x, alpha=0.01), act.leaky_relu(x))
    np.testing.assert_array_equal(act.prelu(x), act.leaky_relu(x, alpha=0.25))
    with pytest.raises(ValueError, match="alpha"):
        act.prelu_grad_alpha(1.0, alpha=2.0)


def test_the_hard_swish_minimum_stated_in_the_study_content():
    with mp.workdps(30):
        x_min = mp.findroot(lambda x: ref.dh("hard_swish", x), -1.0)
        value = ref.h("hard_swish", x_min)
    assert float(x_min) == pytest.approx(-1.5, abs=1e-12)
    assert float(value) == pytest.approx(-0.375, abs=1e-12)
    remarks = act.REGISTRY["hard_swish"].study.remarks_ja
    assert any("x = −1.5" in r and "−0.375" in r for r in remarks)
    assert act.REGISTRY["hard_swish"].range_latex.startswith("[-0.375")


def test_the_hard_sigmoid_slope_against_the_sigmoids_stated_in_the_study_content():
    assert float(act.hard_sigmoid_grad(0.0)) == pytest.approx(1 / 6)
    assert float(act.sigmoid_grad(0.0)) == 0.25
    assert float(act.hard_sigmoid(0.0)) == 0.5
    assert any("1/6" in r and "0.25" in r for r in act.REGISTRY["hard_sigmoid"].study.remarks_ja)


def test_relu6_output_stays_in_zero_to_six_and_its_gradient_is_zero_beyond():
    x = np.array([-1e308, -1.0, 0.0, 3.0, 6.0, 6.5, 1e308])
    assert act.relu6(x).tolist() == [0.0, 0.0, 0.0, 3.0, 6.0, 6.0, 6.0]
    assert act.relu6_grad(x).tolist() == [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0]


def test_the_hard_sigmoid_saturation_stated_in_the_study_content():
    # The app's gradient at x = 3 is 1/6 (left branch), so "0 for |x| ≥ 3" would be wrong on screen.
    x = np.array([-50.0, -3.5, -3.0, 3.0 + 1e-9, 3.5, 50.0])
    assert act.hard_sigmoid_grad(x).tolist() == [0.0] * 6
    assert float(act.hard_sigmoid_grad(3.0)) != 0.0
    assert any(c.startswith("|x| > 3 で勾配がちょうど 0")
               for c in act.REGISTRY["hard_sigmoid"].study.cons_ja)
