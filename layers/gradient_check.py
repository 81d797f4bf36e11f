"""The numerical gradient (central difference) and the relative error a gradient check reads."""

from __future__ import annotations

import numpy as np


def numerical_gradient(f, x, h=1e-4):
    r"""∂f/∂x by central differences, one element at a time, as the textbook computes it.

    .. math:: \frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}

    Its error is O(h²) (a forward difference's is O(h)), and it costs two evaluations of f
    per parameter: it checks backpropagation rather than replacing it. ``x`` is changed in
    place and restored, so ``f`` may read it through a network's parameters.
    """
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


def relative_error(analytic, numeric) -> float:
    r"""The relative error of a whole gradient, as a gradient check reports it.

    .. math:: \frac{\lVert a - n \rVert}{\lVert a \rVert + \lVert n \rVert}

    Norms, not the worst element: an entry that is really 0 (a saturated softmax output, a
    dead unit) is all round-off numerically and would fail a correct layer.
    """
    a, n = np.asarray(analytic, dtype=np.float64), np.asarray(numeric, dtype=np.float64)
    total = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / total) if total > 0 else 0.0
