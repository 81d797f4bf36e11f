"""Values at chosen points against SciPy and closed forms; each comment says where the
expected value comes from (never from the code under test)."""

import math

import numpy as np
import pytest
import scipy.special as sc

import activations as act

pytestmark = pytest.mark.filterwarnings("error")
X = np.array([-30.0, -5.0, -1.0, -0.25, 0.0, 0.25, 1.0, 5.0, 30.0])


@pytest.mark.parametrize(("fn", "reference"), [
    (act.sigmoid, sc.expit),  # SciPy's logistic
    (act.sigmoid_grad, lambda x: sc.expit(x) * sc.expit(-x)),  # σ(x)(1 − σ(x)) = σ(x)σ(−x)
    (act.tanh, np.tanh),
    (act.gelu, lambda x: x * sc.ndtr(x)),  # x·Φ(x), Φ = SciPy's normal CDF
    (act.gelu_grad, lambda x: sc.ndtr(x) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi)),
    (act.softplus, lambda x: np.logaddexp(0, x)),  # log(e⁰ + eˣ)
    (act.softplus_grad, sc.expit),
    (act.swish, lambda x: x * sc.expit(x)),  # SiLU
    (act.mish, lambda x: x * np.tanh(np.logaddexp(0, x))),
    (act.elu, lambda x: np.where(x > 0, x, np.expm1(x))),
    (act.selu, lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x))),
], ids=lambda f: getattr(f, "__name__", ""))
def test_against_scipy(fn, reference):
    np.testing.assert_allclose(fn(X), reference(X), rtol=1e-13, atol=1e-300)


def test_closed_form_values_the_exam_asks():
    assert float(act.sigmoid_grad(0.0)) == 0.25  # σ(0) = 1/2, so σ'(0) = 1/2 · 1/2
    assert float(act.tanh_grad(0.0)) == 1.0  # 1 − tanh²(0)
    assert float(act.elu(-1.0)) == pytest.approx(math.exp(-1) - 1, rel=1e-15)  # α(e⁻¹ − 1), α = 1
    # GELU(1) = Φ(1) = (1 + erf(1/√2))/2 ≈ 0.8413
    assert float(act.gelu(1.0)) == pytest.approx(0.5 * (1 + math.erf(1 / math.sqrt(2))), rel=1e-15)
    assert float(act.softplus(0.0)) == pytest.approx(math.log(2), rel=1e-15)  # log(1 + 1)
    assert float(act.leaky_relu(-1.0, alpha=0.2)) == -0.2 and float(act.leaky_relu_grad(-1.0, alpha=0.2)) == 0.2
    # GELU' peaks at √2: GELU'' = φ(x)(2 − x²) vanishes there
    x = np.linspace(1.3, 1.5, 20001)
    assert x[np.argmax(act.gelu_grad(x))] == pytest.approx(math.sqrt(2), abs=1e-5)
