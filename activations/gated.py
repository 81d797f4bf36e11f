r"""Gated activations: GLU, SwiGLU and GEGLU, and their gradients with respect to both halves.

A gated activation is not elementwise: the input's ``axis`` is split into two halves
a and b of equal width, and each output combines one entry of a with one entry of b, so
the output is half as wide as the input. The halves follow the usual split-half form
(``x.chunk(2, dim)``) in which one linear layer computes both projections xW and xV:

- ``glu``: PyTorch's ``torch.nn.functional.glu`` (Dauphin et al. 2017): a passes through,
  the second half b is the gate σ(b).
- ``swiglu``: Shazeer (2020), Swish(xW) ⊗ xV with β = 1: SiLU on the first half a, the
  second half b multiplies linearly (LLaMA's FFN: silu(gate_proj(x)) * up_proj(x)).
- ``geglu``: Shazeer (2020), GELU(xW) ⊗ xV in the same form, with the exact GELU x·Φ(x).

They are not in ``REGISTRY``: its vector kind (softmax) keeps the input's shape and has a
Jacobian of the same width, while these halve the width and take two inputs per output.

Every function is stable for every finite float64: no NaN, no RuntimeWarning, and inf only
where the exact value exceeds the float64 range (a product such as 1e200·1e200). Where a
gate underflows (σ(b) < 2.2e-308 for b < −708) the product is formed from logarithms, so
a huge a times a tiny gate keeps its digits. NaN propagates; with ±inf inputs the limit is
returned where one exists (glu(a = 1, b = −inf) = 0) and NaN where none does (inf · σ(−inf)).
"""

from __future__ import annotations

import numpy as np
from scipy.special import erfcx, expit, log_expit, log_ndtr, ndtr

from ._arrays import as_float_array

_TINY = np.finfo(np.float64).tiny  # below it a float64 is subnormal: its digits are gone
_LOG_SQRT_2PI = 0.9189385332046728  # log(2π)/2
_SQRT_PI_OVER_2 = 1.2533141373155003  # sqrt(π/2)


def split_halves(x, axis: int = -1) -> tuple[np.ndarray, np.ndarray]:
    """The two halves (a, b) of x along ``axis``; an odd width raises ValueError."""
    x = as_float_array(x)
    if x.ndim == 0:
        raise ValueError("a gated activation needs an array with at least one axis to split")
    try:
        width = x.shape[axis]
    except IndexError:
        raise ValueError(f"axis {axis} is out of range for an array of {x.ndim} dimensions") from None
    if width % 2:
        raise ValueError(f"the width along axis {axis} must be even to split into halves a, b; "
                         f"it is {width}")
    a, b = np.split(x, 2, axis=axis)
    return a, b


def _halves64(x, axis: int) -> tuple[np.ndarray, np.ndarray, np.dtype]:
    """The halves in float64 (float32 is computed in float64 and rounded once) and x's dtype."""
    a, b = split_halves(x, axis)
    return a.astype(np.float64), b.astype(np.float64), a.dtype


def _product(gate, log_gate, *factors):
    """gate · ∏ factors, with gate = e^{log_gate} in [0, 1] and finite factors.

    Left to right in floating point where every partial product is a normal float; where
    one is not (a subnormal gate, an overflow on the way, a subnormal on the way) it is
    sign · exp(log gate + Σ log|f|), which loses no digits to underflow and overflows only
    where the exact value does. A zero factor gives 0.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # inf here is the exact value's
        out = gate
        redo = np.abs(gate) < _TINY
        zero = np.zeros(np.shape(gate), dtype=bool)
        for f in factors:
            out = out * f
            redo |= ~(np.abs(out) >= _TINY) | ~np.isfinite(out)
            zero |= f == 0
        redo &= ~zero
        if redo.any():
            log_abs = log_gate + sum(np.log(np.where(f == 0, 1.0, np.abs(f))) for f in factors)
            # the gate is ≥ 0, and may have underflowed to 0 (SciPy's expit(−720) is 0)
            sign = np.prod([np.sign(f) for f in factors], axis=0)
            out = np.where(redo, sign * np.exp(log_abs), out)
        # 0 times any finite factor is 0; 0 · inf is left NaN
        finite = np.logical_and.reduce([np.isfinite(f) for f in factors])
        return np.where(zero & finite & np.isfinite(gate), 0.0, out)


def _out(values, like: np.ndarray, dtype: np.dtype) -> np.ndarray:
    return np.asarray(values, dtype=dtype).reshape(like.shape)


def glu(x, axis: int = -1):
    r"""Gated Linear Unit: the first half a, gated by the sigmoid of the second half b.

    .. math:: \mathrm{GLU}(a, b) = a \otimes \sigma(b)

    x = [a; b] is split along ``axis``. Args: x of even width along ``axis`` (default the last). Returns an array half as
    wide along ``axis``. With b → +∞ the output is a, with b → −∞ it is 0.
    """
    a, b, dtype = _halves64(x, axis)
    return _out(_product(expit(b), log_expit(b), a), a, dtype)


def glu_grad(x, upstream, axis: int = -1):
    r"""Gradients of GLU with respect to a and b, for an upstream gradient g.

    .. math:: \frac{\partial L}{\partial a} = g \otimes \sigma(b), \quad \frac{\partial L}{\partial b} = g \otimes a \otimes \sigma(b)\,(1 - \sigma(b))

    Returns (da, db), each of the output's shape; ``np.concatenate((da, db), axis)`` is
    the gradient with respect to x.
    """
    a, b, dtype = _halves64(x, axis)
    g = np.broadcast_to(np.asarray(upstream, dtype=np.float64), a.shape)
    da = _product(expit(b), log_expit(b), g)
    # σ'(b) = σ(b)σ(−b): no 1 − σ(b) to cancel where σ(b) ≈ 1
    db = _product(expit(b) * expit(-b), log_expit(b) + log_expit(-b), a, g)
    return _out(da, a, dtype), _out(db, a, dtype)


def swiglu(x, axis: int = -1):
    r"""SwiGLU in split-half form: SiLU (Swish with β = 1) of the first half a, times b.

    .. math:: \begin{aligned} \mathrm{SwiGLU}(a, b) &= \mathrm{Swish}(a) \otimes b \\ &= a\,\sigma(a) \otimes b \end{aligned}

    Shazeer (2020) writes it on two projections of the layer's input, Swish(xW) ⊗ xV;
    here x = [xW; xV] is their concatenation. Args: x of even width along ``axis``
    (default the last). Returns an array half as wide along ``axis``.
    """
    a, b, dtype = _halves64(x, axis)
    return _out(_product(expit(a), log_expit(a), a, b), a, dtype)


def swiglu_grad(x, upstream, axis: int = -1):
    r"""Gradients of SwiGLU with respect to a and b, for an upstream gradient g.

    .. math:: \frac{\partial L}{\partial a} = g \otimes b \otimes \sigma(a)\,(1 + a\,(1 - \sigma(a))), \quad \frac{\partial L}{\partial b} = g \otimes a\,\sigma(a)

    Returns (da, db), each of the output's shape.
    """
    a, b, dtype = _halves64(x, axis)
    g = np.broadcast_to(np.asarray(upstream, dtype=np.float64), a.shape)
    # SiLU'(a) = σ(a)(1 + a σ(−a)): σ(−a) is 1 − σ(a) without the cancellation
    da = _product(expit(a), log_expit(a), 1.0 + a * expit(-a), b, g)
    db = _product(expit(a), log_expit(a), a, g)
    return _out(da, a, dtype), _out(db, a, dtype)


def geglu(x, axis: int = -1):
    r"""GEGLU in split-half form: GELU (exact, x·Φ(x)) of the first half a, times b.

    .. math:: \mathrm{GEGLU}(a, b) = \mathrm{GELU}(a) \otimes b = a\,\Phi(a) \otimes b

    Shazeer (2020): GELU(xW) ⊗ xV, with x = [xW; xV]. Returns an array half as wide.
    """
    a, b, dtype = _halves64(x, axis)
    return _out(_product(ndtr(a), log_ndtr(a), a, b), a, dtype)


def _gelu_grad_parts(a):
    """GELU'(a) = Φ(a) + aφ(a) as a gate (≥ 0, with its log) times a factor.

    For a ≥ 0: the gate is Φ(a) + aφ(a) itself, in [1/2, 1.13], and the factor 1. For
    a < 0 both terms underflow together: GELU'(a) = φ(a)·(√(π/2)·erfcx(−a/√2) + a), since
    Φ(a)/φ(a) = √(π/2)·erfcx(−a/√2) (erfcx(z) = e^{z²}erfc(z) never overflows for z ≥ 0).
    """
    pos = a >= 0
    ap = np.where(pos, np.minimum(a, 40.0), 0.0)  # φ(40) is 0 to double precision
    an = np.where(pos, 0.0, np.maximum(a, -1e10))  # φ(−1e10) = 0 too; a² stays finite
    value_pos = ndtr(ap) + ap * np.exp(-0.5 * ap * ap - _LOG_SQRT_2PI)
    log_phi = -0.5 * an * an - _LOG_SQRT_2PI
    factor_neg = _SQRT_PI_OVER_2 * erfcx(-np.where(pos, 0.0, a) / np.sqrt(2.0)) + np.where(pos, 0.0, a)
    gate = np.where(pos, value_pos, np.exp(log_phi))
    log_gate = np.where(pos, np.log(value_pos), log_phi)
    return gate, log_gate, np.where(pos, 1.0, factor_neg)


def geglu_grad(x, upstream, axis: int = -1):
    r"""Gradients of GEGLU with respect to a and b, for an upstream gradient g.

    .. math:: \frac{\partial L}{\partial a} = g \otimes b \otimes (\Phi(a) + a\,\varphi(a)), \quad \frac{\partial L}{\partial b} = g \otimes a\,\Phi(a)

    Returns (da, db), each of the output's shape.
    """
    a, b, dtype = _halves64(x, axis)
    g = np.broadcast_to(np.asarray(upstream, dtype=np.float64), a.shape)
    gate, log_gate, factor = _gelu_grad_parts(a)
    da = _product(gate, log_gate, factor, b, g)
    db = _product(ndtr(a), log_ndtr(a), a, g)
    return _out(da, a, dtype), _out(db, a, dtype)
