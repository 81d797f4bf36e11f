"""Independent references for the banks' backpropagation questions.

Gradients here come from central differences of the loss, never from the chain rule the
questions teach, so a wrong closed form in a bank cannot agree with them by construction.
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath as mp
import numpy as np


def numeric_grad(
    loss: Callable[[np.ndarray], float], at: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    """Central difference of a scalar loss at ``at`` (any shape)."""
    at = np.asarray(at, dtype=float)
    out = np.zeros_like(at)
    for idx in np.ndindex(at.shape):
        step = np.zeros_like(at)
        step[idx] = eps
        out[idx] = (loss(at + step) - loss(at - step)) / (2 * eps)
    return out


def softmax_mp(a) -> np.ndarray:
    """Softmax of one vector at 50 digits."""
    with mp.workdps(50):
        e = [mp.e ** mp.mpf(float(v)) for v in np.ravel(a)]
        s = mp.fsum(e)
        return np.array([float(v / s) for v in e])


def cross_entropy(y, label: int) -> float:
    """−log y[label], natural log."""
    return float(-mp.log(mp.mpf(float(y[label]))))


def cross_entropy_from_logits(a, label: int) -> float:
    with mp.workdps(50):
        lse = mp.log(mp.fsum(mp.e ** mp.mpf(float(v)) for v in a))
        return float(lse - mp.mpf(float(a[label])))


def bce_with_logits(a: float, t: float) -> float:
    """−t log σ(a) − (1 − t) log(1 − σ(a)) = log(1 + eᵃ) − a t, at 50 digits."""
    with mp.workdps(50):
        a_ = mp.mpf(float(a))
        return float(mp.log1p(mp.e**a_) - a_ * t)


def softmax_vjp(x, g) -> np.ndarray:
    """∂(g · softmax(x))/∂x by central differences."""
    g = np.asarray(g, dtype=float)
    return numeric_grad(lambda z: float(g @ softmax_mp(z)), np.asarray(x, dtype=float))


def sigmoid_net_loss(x: float, w1: float, w2: float, t: float) -> float:
    """L = ½(w2 σ(w1 x) − t)²."""
    y = w2 / (1 + np.exp(-w1 * x))
    return 0.5 * (y - t) ** 2


def relu_net_weight_grad(x, W, v) -> np.ndarray:
    """∂(vᵀ ReLU(W x))/∂W by central differences."""
    x, v = np.asarray(x, dtype=float), np.asarray(v, dtype=float)
    return numeric_grad(lambda M: float(v @ np.maximum(0.0, M @ x)), np.asarray(W, dtype=float))


def clip_by_norm(g, threshold: float) -> np.ndarray:
    g = np.asarray(g, dtype=float)
    norm = float(np.sqrt(np.sum(g * g)))
    return g * (threshold / norm) if norm > threshold else g
