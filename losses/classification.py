r"""Classification losses: binary cross-entropy (from probabilities and from logits),
cross-entropy (one-hot or label-index targets, batch mean), and softmax + cross-entropy fused.

Stability is in the formulas, not in clipping: ``xlogy``/``xlog1py`` make 0·log 0 = 0, the
logit forms never take exp of a large positive number, and the fused softmax form uses the
stable log-softmax. The textbook's ``cross_entropy_error`` with its ``+ 1e-7`` is the study
content's own function (activations/exam_style.py), re-exported by the package.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, xlog1py, xlogy

from activations import log_softmax, softmax
from activations._arrays import as_float_array


def _pair(y, t) -> tuple[np.ndarray, np.ndarray]:
    y, t = as_float_array(y), as_float_array(t)
    return np.broadcast_arrays(y, t)


def binary_cross_entropy(p, t):
    r"""Binary cross-entropy of each output probability ``p`` against its target ``t``.

    .. math:: E = -\left(t \log p + (1 - t)\log(1 - p)\right)

    Natural log. 0·log 0 counts as 0 (``xlogy``), so p = t ∈ {0, 1} gives 0; a confident
    wrong p (p = 0 with t = 1) gives +inf, the true value.
    """
    p, t = _pair(p, t)
    with np.errstate(divide="ignore"):  # log 0 = −inf is the true value there
        return 0.0 - (xlogy(t, p) + xlog1py(1.0 - t, -p))  # 0.0 − 0 is +0, not −0


def binary_cross_entropy_grad(p, t):
    r"""∂E/∂p of the binary cross-entropy.

    .. math:: \frac{\partial E}{\partial p} = -\frac{t}{p} + \frac{1 - t}{1 - p}
              = \frac{p - t}{p(1 - p)}

    The right-hand form inside (0, 1) (no two large terms cancel); at p = 0 or 1 the limits
    of the left one: p = t gives ∓1, a confident wrong p gives ∓inf, the true value.
    """
    p, t = _pair(p, t)
    inside = (p > 0) & (p < 1)
    safe = np.where(inside, p, 0.5)
    with np.errstate(over="ignore"):  # (p − t)/p beyond 1.8e308 for a subnormal p: true inf
        g = (safe - t) / (safe * (1.0 - safe))
    at0 = np.where(t == 0, 1.0, -np.inf)  # −t/p + (1 − t): p → 0
    at1 = np.where(t == 1, -1.0, np.inf)  # −t + (1 − t)/(1 − p): p → 1
    out = np.where(inside, g, np.where(p <= 0, at0, at1))
    return np.where(np.isnan(p) | np.isnan(t), np.nan, out)


def binary_cross_entropy_with_logits(a, t):
    r"""Binary cross-entropy of a sigmoid output, from its logit ``a`` (y = σ(a)).

    .. math:: E = -\left(t \log \sigma(a) + (1 - t)\log(1 - \sigma(a))\right)
              = \max(a, 0) - a\,t + \log\left(1 + e^{-|a|}\right)

    The right-hand form never overflows (exp only sees −|a| ≤ 0); max(a, 0) − a t is taken
    as a(1 − t) or −a t, so no two large numbers cancel.
    """
    a, t = _pair(a, t)
    return np.where(a > 0, a * (1.0 - t), -a * t) + np.log1p(np.exp(-np.abs(a)))


def binary_cross_entropy_with_logits_grad(a, t):
    r"""∂E/∂a for sigmoid + binary cross-entropy: the σ′(a) of the chain rule cancels.

    .. math:: \frac{\partial E}{\partial a} = \sigma(a) - t = y - t
    """
    a, t = _pair(a, t)
    # For t ≥ ½, (1 − t) − σ(−a): 1 − t is exact there, and σ(a) − 1 = −σ(−a) keeps the
    # tiny gradient of a confident right answer instead of rounding it to 0.
    return np.where(t >= 0.5, (1.0 - t) - expit(-a), expit(a) - t)


def one_hot(labels, classes: int) -> np.ndarray:
    """Label indices (any shape) as one-hot rows of length ``classes``."""
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError("labels must be integers")
    if labels.size and (labels.min() < 0 or labels.max() >= classes):
        raise ValueError(f"labels must lie in [0, {classes - 1}]")
    return np.eye(classes)[labels]


def _targets(y: np.ndarray, t) -> np.ndarray:
    """Targets as distributions over the last axis: one-hot/soft rows as given, or label
    indices (an integer array with one entry fewer dimensions than ``y``)."""
    t = np.asarray(t)
    if np.issubdtype(t.dtype, np.integer) and t.ndim == y.ndim - 1:
        return one_hot(t, y.shape[-1])
    if np.issubdtype(t.dtype, np.integer) and t.ndim == 0 and y.shape[0] == 1:
        return one_hot(t.reshape(1), y.shape[-1])  # one sample's label
    t = as_float_array(t)
    if t.ndim == 1 and y.shape[0] == 1:
        t = t.reshape(1, -1)  # one sample's target row
    if t.shape != y.shape:
        raise ValueError(f"targets of shape {t.shape} do not match outputs {y.shape}")
    return t


def _batch(y) -> np.ndarray:
    y = as_float_array(y)
    return y.reshape(1, -1) if y.ndim == 1 else y  # one sample is a batch of one


def _size(y: np.ndarray) -> int:
    return int(np.prod(y.shape[:-1])) or 1


def cross_entropy(y, t):
    r"""Cross-entropy of probability rows ``y`` (e.g. softmax outputs) against targets ``t``
    (one-hot rows or label indices), averaged over the batch.

    .. math:: E = -\frac{1}{N}\sum_n \sum_k t_{nk} \log y_{nk}

    Exact: a class with t = 0 adds nothing even where y = 0; y = 0 at the label gives +inf.
    """
    y = _batch(y)
    t = _targets(y, t)
    with np.errstate(divide="ignore"):
        return float(0.0 - np.sum(xlogy(t, y)) / _size(y))


def cross_entropy_grad(y, t):
    r"""∂E/∂y of ``cross_entropy`` (batch mean).

    .. math:: \frac{\partial E}{\partial y_{nk}} = -\frac{t_{nk}}{N\,y_{nk}}
    """
    y = _batch(y)
    t = _targets(y, t)
    with np.errstate(divide="ignore", over="ignore"):
        g = np.divide(t, y, out=np.zeros_like(y), where=t != 0)
    return -g / _size(y)


def softmax_cross_entropy(a, t):
    r"""Softmax + cross-entropy of logit rows ``a``, fused, averaged over the batch.

    .. math:: E = -\frac{1}{N}\sum_n \sum_k t_{nk} \log \operatorname{softmax}(a_n)_k

    Through the stable log-softmax: no exp of a large logit, no log of an underflowed 0.
    """
    a = _batch(a)
    t = _targets(a, t)
    ls = log_softmax(a, axis=-1)
    # A class with t = 0 adds nothing, even where its log-probability is −inf.
    kept = np.multiply(t, ls, out=np.zeros_like(ls), where=t != 0)
    return float(0.0 - np.sum(kept) / _size(a))


def softmax_cross_entropy_grad(a, t):
    r"""∂E/∂a for softmax + cross-entropy: the whole Jacobian of softmax collapses.

    .. math:: \frac{\partial E}{\partial a_{nk}} = \frac{y_{nk} - t_{nk}}{N},\quad
              y_n = \operatorname{softmax}(a_n)

    This is ``SoftmaxWithLoss.backward``'s ``dx = (self.y - self.t) / batch_size``.
    """
    a = _batch(a)
    t = _targets(a, t)
    y = softmax(a, axis=-1)
    g = y - t
    # At a hard label y − 1 = −Σ_{k≠label} y_k: summed directly, a confident right answer's
    # tiny gradient survives (1 − y would round it to 0).
    hard = (t == 1) & (np.sum(t, axis=-1, keepdims=True) == 1)
    rest = np.sum(np.where(hard, 0.0, y), axis=-1, keepdims=True)
    return np.where(hard, -rest, g) / _size(a)
