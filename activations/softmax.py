r"""Softmax, log-softmax and their Jacobians, for vectors of logits."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array


def _shifted(x: np.ndarray) -> np.ndarray:
    """Logits minus their max along the last axis.

    Softmax is shift invariant, so subtracting the max changes nothing except that every
    exponent becomes ≤ 0 and exp cannot overflow. +inf logits share the whole mass; a row
    of all -inf has no limit and becomes NaN.
    """
    m = np.fmax.reduce(x, axis=-1, keepdims=True)  # fmax skips NaN: it must not hide the max
    finite_m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(over="ignore"):  # x - m below -1.8e308 is -inf: exp gives the right 0
        z = x - finite_m
    if np.isposinf(m).any():
        z = np.where(np.isposinf(m), np.where(np.isposinf(x), 0.0, -np.inf), z)
    if np.isneginf(m).any():
        z = np.where(np.isneginf(m), np.nan, z)
    return z


def _rest(z: np.ndarray, e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Σ exp(z) over all but one top entry (whose exp(z) is exactly 1), summed directly.

    Forming the full sum and subtracting 1 would round away a rest below 1e-16.
    """
    top = np.argmax(np.where(np.isnan(z), -np.inf, z), axis=-1)[..., None]
    is_top = np.arange(z.shape[-1]) == top
    return np.sum(np.where(is_top, 0.0, e), axis=-1, keepdims=True), is_top


def _vectorised(fn, x, axis):
    x = as_float_array(x)
    if x.ndim == 0:
        return fn(x.reshape(1)).reshape(())
    if x.size == 0:
        return x.copy()
    moved = np.moveaxis(x, axis, -1)
    out = fn(moved)
    return np.moveaxis(out, -1, axis).astype(x.dtype, copy=False)


def _softmax_last(x):
    e = np.exp(_shifted(x))
    return e / np.sum(e, axis=-1, keepdims=True)


def _log_softmax_last(x):
    z = _shifted(x)
    rest, _ = _rest(z, np.exp(z))
    # log1p(rest) keeps the top entry's tiny log-probability exact; log(1 + rest) would not.
    return z - np.log1p(rest)


def softmax(x, axis=-1):
    r"""Softmax along ``axis``: non-negative outputs that sum to 1.

    .. math:: h(x_i) = \frac{e^{x_i}}{\sum_{j} e^{x_j}} = \frac{e^{x_i - c}}{\sum_{j} e^{x_j - c}}, \quad c = \max_j x_j

    Subtracting the max c changes nothing mathematically and prevents overflow:
    ``softmax([1010, 1000, 990])`` is ≈ [0.99995, 4.54e-5, 2.06e-9].
    A row whose logits are all -inf has no limit and gives NaN.
    """
    return _vectorised(_softmax_last, x, axis)


def log_softmax(x, axis=-1):
    r"""Logarithm of the softmax along ``axis``, computed without forming the softmax.

    .. math:: h(x_i) = x_i - \log \sum_{j} e^{x_j}
    """
    return _vectorised(_log_softmax_last, x, axis)


def _probabilities(x):
    """Checked 1-D x -> (s, 1 − s), both without cancellation."""
    x = as_float_array(x)
    if x.ndim != 1:
        raise ValueError(f"the Jacobian needs a 1-D vector of logits, got shape {x.shape}")
    if x.size == 0:
        return x, x, x
    with np.errstate(invalid="ignore"):
        z = _shifted(x[None, :])
        e = np.exp(z)
        rest, is_top = _rest(z, e)
        total = 1.0 + rest
        s = e / total
        one_minus = np.where(is_top, rest, total - e) / total
    return x, s[0], one_minus[0]


def softmax_jacobian(x):
    r"""The n×n Jacobian of softmax for a 1-D x: J = diag(s) − s sᵀ, each row summing to 0.

    .. math:: \begin{aligned} \frac{\partial h(x_i)}{\partial x_j} &= h(x_i)\,(\delta_{ij} - h(x_j)) \\ &= \begin{cases} h(x_i)(1 - h(x_i)) & (i = j) \\ -h(x_i)\,h(x_j) & (i \ne j) \end{cases} \end{aligned}
    """
    x, s, one_minus = _probabilities(x)
    jac = -np.outer(s, s)
    np.fill_diagonal(jac, s * one_minus)
    return jac.astype(x.dtype, copy=False)


def log_softmax_jacobian(x):
    r"""The n×n Jacobian of log-softmax for a 1-D x: J = I − 1 sᵀ.

    .. math:: \frac{\partial h(x_i)}{\partial x_j} = \delta_{ij} - \frac{e^{x_j}}{\sum_{k} e^{x_k}}
    """
    x, s, one_minus = _probabilities(x)
    jac = np.tile(-s, (x.size, 1))
    np.fill_diagonal(jac, one_minus)
    return jac.astype(x.dtype, copy=False)
