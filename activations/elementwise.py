r"""Elementwise activation functions h(x) and their derivatives h'(x).

Every function takes a Python scalar, a list or an array of any shape and returns an
ndarray of the same shape (float32 stays float32, everything else becomes float64).
Each is stable for every finite float64 input: no NaN, no spurious inf and no
RuntimeWarning; ±inf give the mathematical limits and NaN propagates.

At a kink the derivative takes the x ≤ 0 branch, as the study notes do.

The first ``.. math::`` line of each docstring is the LaTeX the app shows; a second one is the
formula of another parameter setting (GELU's tanh form).
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, ndtr

from ._arrays import as_float_array, keep_nan, like
from .params import ELU_ALPHA, GELU_APPROXIMATE, LEAKY_ALPHA, PRELU_ALPHA, SWISH_BETA

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
_SQRT_2_OVER_PI = 0.7978845608028654  # sqrt(2/pi)
_INV_SQRT_2PI = 0.3989422804014327  # 1/sqrt(2*pi)
_GELU_TANH_C = 0.044715


def _sech2(a):
    """sech²(a) = 4e^{-2|a|}/(1 + e^{-2|a|})²: no cancellation (unlike 1 − tanh²) and no overflow."""
    # |a| > 400 makes the value underflow to 0 anyway; clipping keeps 2|a| finite.
    t = np.exp(-2.0 * np.minimum(np.abs(a), 400.0))
    return 4.0 * t / (1.0 + t) ** 2


def _softplus(x):
    """log(1 + e^x) = max(x, 0) + log1p(e^{-|x|}): exp never overflows, log1p keeps the tails."""
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def _mish_parts(xc):
    """On x clipped to [-750, 20]: p = eˣ(1 + eˣ), n = eˣ(eˣ + 2) and d = n + 2.

    tanh(softplus(x)) = n/d exactly, and σ(x)·sech²(softplus(x)) = 4p/d². Beyond 20 the
    tanh is 1 to double precision, so the clip only keeps e^{2x} finite.
    """
    e = np.exp(xc)
    p = e * (1.0 + e)
    n = p + e
    return p, n, n + 2.0


def sigmoid(x):
    r"""Logistic sigmoid.

    .. math:: h(x) = \frac{1}{1 + e^{-x}}

    Range (0, 1). Computed by ``scipy.special.expit``, which never overflows.
    """
    x = as_float_array(x)
    return like(expit(x), x)


def sigmoid_grad(x):
    r"""Derivative of the sigmoid; its maximum is 1/4 at x = 0.

    .. math:: h'(x) = h(x)\,(1 - h(x))

    Computed as e^{-|x|}/(1 + e^{-|x|})², the same value with no 1 − σ(x) to cancel
    where σ(x) ≈ 1, and one exp instead of two sigmoids.
    """
    x = as_float_array(x)
    e = np.exp(-np.abs(x))
    return like(e / (1.0 + e) ** 2, x)


def tanh(x):
    r"""Hyperbolic tangent.

    .. math:: h(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1

    Range (−1, 1).
    """
    x = as_float_array(x)
    return like(np.tanh(x), x)


def tanh_grad(x):
    r"""Derivative of tanh; its maximum is 1 at x = 0.

    .. math:: h'(x) = 1 - h(x)^2

    Computed as sech²(x), which keeps full precision in the tails where 1 − tanh² cancels.
    """
    x = as_float_array(x)
    return like(_sech2(x), x)


def identity(x):
    r"""Identity (恒等関数), the usual output activation for regression.

    .. math:: h(x) = x
    """
    x = as_float_array(x)
    return like(x.copy(), x)


def identity_grad(x):
    r"""Derivative of the identity.

    .. math:: h'(x) = 1
    """
    x = as_float_array(x)
    return like(keep_nan(np.ones_like(x), x), x)


def step(x):
    r"""Step function of the perceptron: 1 for x > 0, else 0.

    .. math:: h(x) = \begin{cases} 1 & (x > 0) \\ 0 & (x \le 0) \end{cases}
    """
    x = as_float_array(x)
    return like(keep_nan((x > 0).astype(x.dtype), x), x)


def step_grad(x):
    r"""Derivative of the step function: 0 everywhere (x = 0 takes the x ≤ 0 branch).

    .. math:: h'(x) = 0 \quad (x \ne 0)

    Because it is 0 the step function cannot be trained by backpropagation.
    """
    x = as_float_array(x)
    return like(keep_nan(np.zeros_like(x), x), x)


def relu(x):
    r"""Rectified Linear Unit.

    .. math:: h(x) = \max(0, x) = \begin{cases} x & (x > 0) \\ 0 & (x \le 0) \end{cases}
    """
    x = as_float_array(x)
    return like(np.maximum(x, 0.0), x)


def relu_grad(x):
    r"""Derivative of ReLU; at the kink ``relu_grad(0) = 0`` (the x ≤ 0 branch).

    .. math:: h'(x) = \begin{cases} 1 & (x > 0) \\ 0 & (x \le 0) \end{cases}
    """
    x = as_float_array(x)
    return like(keep_nan((x > 0).astype(x.dtype), x), x)


def _leaky(x, alpha: float):
    x = as_float_array(x)
    if alpha == 0:  # ReLU; alpha * x would make 0 * (-inf) = NaN where the limit is 0
        return like(np.maximum(x, 0.0), x)
    return like(np.where(x > 0, x, alpha * x), x)


def _leaky_grad(x, alpha: float):
    x = as_float_array(x)
    return like(keep_nan(np.where(x > 0, 1.0, alpha), x), x)


def leaky_relu(x, alpha=LEAKY_ALPHA.default):
    r"""Leaky ReLU with slope ``alpha`` (0 ≤ α ≤ 1, default 0.01) for x ≤ 0.

    .. math:: h(x) = \begin{cases} x & (x > 0) \\ \alpha x & (x \le 0) \end{cases}
    """
    return _leaky(x, LEAKY_ALPHA.check(alpha))


def leaky_relu_grad(x, alpha=LEAKY_ALPHA.default):
    r"""Derivative of Leaky ReLU; at the kink ``leaky_relu_grad(0) = alpha`` (the x ≤ 0 branch).

    .. math:: h'(x) = \begin{cases} 1 & (x > 0) \\ \alpha & (x \le 0) \end{cases}
    """
    return _leaky_grad(x, LEAKY_ALPHA.check(alpha))


def prelu(x, alpha=PRELU_ALPHA.default):
    r"""PReLU (Parametric ReLU): Leaky ReLU whose slope α is a parameter learned with the
    weights (He et al. 2015; PyTorch's nn.PReLU starts from α = 0.25).

    .. math:: h(x) = \begin{cases} x & (x > 0) \\ \alpha x & (x \le 0) \end{cases}
    """
    return _leaky(x, PRELU_ALPHA.check(alpha))


def prelu_grad(x, alpha=PRELU_ALPHA.default):
    r"""Derivative of PReLU with respect to x; at the kink ``prelu_grad(0) = alpha`` (the x ≤ 0
    branch).

    .. math:: h'(x) = \begin{cases} 1 & (x > 0) \\ \alpha & (x \le 0) \end{cases}
    """
    return _leaky_grad(x, PRELU_ALPHA.check(alpha))


def prelu_grad_alpha(x, alpha=PRELU_ALPHA.default):
    r"""Derivative of PReLU with respect to its slope α: what training uses to learn α.
    It does not depend on α; at the kink it is 0 either way.

    .. math:: \frac{\partial h}{\partial \alpha} = \begin{cases} 0 & (x > 0) \\ x & (x \le 0) \end{cases}
    """
    PRELU_ALPHA.check(alpha)
    x = as_float_array(x)
    return like(np.where(x > 0, 0.0, x), x)


def elu(x, alpha=ELU_ALPHA.default):
    r"""Exponential Linear Unit (0.05 ≤ α ≤ 5, default 1); range (−α, ∞).

    .. math:: h(x) = \begin{cases} x & (x > 0) \\ \alpha (e^{x} - 1) & (x \le 0) \end{cases}
    """
    alpha = ELU_ALPHA.check(alpha)
    x = as_float_array(x)
    # expm1 is exact near 0, and min(x, 0) keeps the unused branch from overflowing.
    return like(np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0))), x)


def elu_grad(x, alpha=ELU_ALPHA.default):
    r"""Derivative of ELU; at the kink ``elu_grad(0) = alpha`` (the x ≤ 0 branch;
    continuous only if α = 1).

    .. math:: h'(x) = \begin{cases} 1 & (x > 0) \\ \alpha e^{x} & (x \le 0) \end{cases}
    """
    alpha = ELU_ALPHA.check(alpha)
    x = as_float_array(x)
    # NaN fails x > 0 and reaches exp(min(NaN, 0)) = NaN, so it propagates by itself.
    return like(np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0))), x)


def _gelu_tanh_arg(xc):
    """u = sqrt(2/pi) (x + 0.044715 x³) and du/dx, on x already clipped to [-50, 50]."""
    u = _SQRT_2_OVER_PI * (xc + _GELU_TANH_C * xc**3)
    du = _SQRT_2_OVER_PI * (1.0 + 3.0 * _GELU_TANH_C * xc**2)
    return u, du


def gelu(x, approximate=GELU_APPROXIMATE.default):
    r"""Gaussian Error Linear Unit, x·Φ(x); ``approximate=True`` gives the tanh form.

    .. math:: h(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)

    The tanh form (BERT, GPT-2), computed as x·σ(2u) because 1 + tanh(u) cancels to 0 for
    very negative u:

    .. math:: \begin{aligned} h(x) &\approx \frac{x}{2}\left(1 + \tanh u\right) \\ u &= \sqrt{2/\pi}\,(x + 0.044715x^{3}) \end{aligned}
    """
    approximate = GELU_APPROXIMATE.check(approximate)
    x = as_float_array(x)
    if approximate:
        # Beyond ±50 the tanh form equals x or 0 to double precision; clipping keeps x³ finite.
        xc = np.clip(x, -50.0, 50.0)
        u, _ = _gelu_tanh_arg(xc)
        inner = xc * expit(2.0 * u)
        return like(np.where(x > 50, x, np.where(x < -50, 0.0, inner)), x)
    # Below -40 the value underflows to 0; clipping avoids -inf * Φ(-inf) = NaN.
    xc = np.maximum(x, -40.0)
    return like(np.where(x < -40, 0.0, xc * ndtr(xc)), x)


def gelu_grad(x, approximate=GELU_APPROXIMATE.default):
    r"""Derivative of GELU; it peaks at x = √2.

    .. math:: h'(x) = \Phi(x) + x\,\varphi(x), \quad \varphi(x) = \frac{1}{\sqrt{2\pi}} e^{-x^{2}/2}

    With ``approximate=True`` it is the exact derivative of the tanh form, computed as
    σ(2u) + 2x·σ(2u)σ(−2u)·u′:

    .. math:: \begin{aligned} h'(x) &= \frac{1}{2}\left(1 + \tanh u\right) \\ &\quad + \frac{x}{2}\left(1 - \tanh^{2} u\right) u' \\ u' &= \sqrt{2/\pi}\,(1 + 0.134145x^{2}) \end{aligned}
    """
    approximate = GELU_APPROXIMATE.check(approximate)
    x = as_float_array(x)
    if approximate:
        xc = np.clip(x, -50.0, 50.0)
        u, du = _gelu_tanh_arg(xc)
        s, s_neg = expit(2.0 * u), expit(-2.0 * u)
        inner = s + 2.0 * xc * s * s_neg * du
        return like(keep_nan(np.where(x > 50, 1.0, np.where(x < -50, 0.0, inner)), x), x)
    # φ underflows to 0 beyond |x| = 40; clipping keeps x² finite and x·φ(x) free of inf·0.
    xc = np.clip(x, -40.0, 40.0)
    return like(ndtr(x) + xc * _INV_SQRT_2PI * np.exp(-0.5 * xc * xc), x)


def softplus(x):
    r"""Softplus, a smooth ReLU; computed as max(x, 0) + log1p(e^{-|x|}), which never overflows.

    .. math:: h(x) = \log(1 + e^{x})
    """
    x = as_float_array(x)
    return like(_softplus(x), x)


def softplus_grad(x):
    r"""Derivative of softplus: the sigmoid.

    .. math:: h'(x) = \frac{1}{1 + e^{-x}} = \sigma(x)
    """
    x = as_float_array(x)
    return like(expit(x), x)


def _beta_x(x, beta):
    """βx clipped to ±750, where σ is already exactly 0 or 1 (and inf·0 cannot arise)."""
    with np.errstate(over="ignore"):  # βx beyond the float range is clipped just below
        return np.clip(beta * x, -750.0, 750.0)


def swish(x, beta=SWISH_BETA.default):
    r"""Swish, x·σ(βx) (0 ≤ β ≤ 10, default 1); β = 1 is SiLU.

    .. math:: h(x) = x\,\sigma(\beta x) = \frac{x}{1 + e^{-\beta x}}
    """
    beta = SWISH_BETA.check(beta)
    x = as_float_array(x)
    if beta == 0:
        return like(0.5 * x, x)
    # Where σ(βx) = 0, x may be -inf; x raised to -max gives the limit 0 instead of NaN.
    return like(np.maximum(x, -np.finfo(x.dtype).max) * expit(_beta_x(x, beta)), x)


def swish_grad(x, beta=SWISH_BETA.default):
    r"""Derivative of Swish.

    .. math:: h'(x) = \beta h(x) + \sigma(\beta x)\,(1 - \beta h(x))

    Computed as σ(z)(1 + z(1 − σ(z))) with z = βx; the rounding of 1 − σ(z) costs at most
    |z|·ε relative, below 2e-13 on the clipped |z| ≤ 750.
    """
    beta = SWISH_BETA.check(beta)
    x = as_float_array(x)
    if beta == 0:
        return like(keep_nan(np.full_like(x, 0.5), x), x)
    z = _beta_x(x, beta)
    s = expit(z)
    return like(s * (1.0 + z * (1.0 - s)), x)


silu = swish
silu_grad = swish_grad


def mish(x):
    r"""Mish, x·tanh(softplus(x)).

    .. math:: h(x) = x \tanh(\log(1 + e^{x}))
    """
    x = as_float_array(x)
    _, n, d = _mish_parts(np.clip(x, -750.0, 20.0))
    # max(x, -750): below it n is exactly 0, and -inf * 0 would be NaN.
    return like(np.maximum(x, -750.0) * (n / d), x)


def mish_grad(x):
    r"""Derivative of Mish.

    .. math:: \begin{aligned} h'(x) = {} & \tanh(\operatorname{softplus}(x)) \\ & + x\,\sigma(x)\,\operatorname{sech}^{2}(\operatorname{softplus}(x)) \end{aligned}
    """
    x = as_float_array(x)
    xc = np.clip(x, -750.0, 20.0)  # beyond: the second term is below 1e-300 or 1e-16
    p, n, d = _mish_parts(xc)
    # n/d + 4·xc·p/d², in place: on 10⁶ points fresh temporaries cost more than the math.
    xc *= 4.0
    xc *= p
    xc /= d
    xc /= d
    n /= d
    n += xc
    return like(n, x)


def selu(x):
    r"""Scaled ELU of self-normalising networks, α ≈ 1.6733, λ ≈ 1.0507 (fixed).

    .. math:: h(x) = \lambda \begin{cases} x & (x > 0) \\ \alpha (e^{x} - 1) & (x \le 0) \end{cases}

    Returns inf only where λx itself exceeds the float64 range (x > 1.71e308).
    """
    x = as_float_array(x)
    neg = SELU_ALPHA * np.expm1(np.minimum(x, 0.0))
    with np.errstate(over="ignore"):
        return like(SELU_SCALE * np.where(x > 0, x, neg), x)


def selu_grad(x):
    r"""Derivative of SELU; at the kink ``selu_grad(0) = λα``.

    .. math:: h'(x) = \lambda \begin{cases} 1 & (x > 0) \\ \alpha e^{x} & (x \le 0) \end{cases}
    """
    x = as_float_array(x)
    neg = (SELU_SCALE * SELU_ALPHA) * np.exp(np.minimum(x, 0.0))
    return like(np.where(x > 0, SELU_SCALE, neg), x)
