r"""Entropy and the Kullback–Leibler divergence of discrete distributions (last axis):
cross-entropy = entropy + KL divergence."""

from __future__ import annotations

import numpy as np
from scipy.special import entr, rel_entr

from activations._arrays import as_float_array


def entropy(p):
    r"""Entropy of each distribution ``p`` (natural log, nats).

    .. math:: H(p) = -\sum_k p_k \log p_k
    """
    p = as_float_array(p)
    return np.sum(entr(p), axis=-1)


def kl_divergence(p, q):
    r"""KL divergence of ``q`` from ``p`` (natural log). ≥ 0, 0 only for p = q, and not
    symmetric: KL(p‖q) ≠ KL(q‖p) in general.

    .. math:: D_{\mathrm{KL}}(p \,\|\, q) = \sum_k p_k \log\frac{p_k}{q_k}

    A class with p = 0 adds 0; q = 0 where p > 0 gives +inf, the true value.
    """
    p, q = np.broadcast_arrays(as_float_array(p), as_float_array(q))
    with np.errstate(divide="ignore"):
        return np.sum(rel_entr(p, q), axis=-1)


def kl_divergence_grad(p, q):
    r"""∂D/∂q of the KL divergence (p fixed, as a target).

    .. math:: \frac{\partial D}{\partial q_k} = -\frac{p_k}{q_k}
    """
    p, q = np.broadcast_arrays(as_float_array(p), as_float_array(q))
    with np.errstate(divide="ignore", over="ignore"):
        return -np.divide(p, q, out=np.zeros_like(q), where=p != 0)
