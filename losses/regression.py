r"""Regression losses: squared error (with the conventions that differ between the textbook
and the frameworks) and Huber."""

from __future__ import annotations

import numpy as np

from activations._arrays import as_float_array

# How the squared errors of a batch become one number. The exam and the textbook use
# ½Σ (so that the gradient is y − t); PyTorch's MSELoss averages over every element.
CONVENTIONS = ("half_sum", "mean", "sum")


def _pair(y, t) -> tuple[np.ndarray, np.ndarray]:
    y, t = as_float_array(y), as_float_array(t)
    return np.broadcast_arrays(y, t)


def _diff(y: np.ndarray, t: np.ndarray) -> np.ndarray:
    # y − t may exceed the float64 range (1e308 − (−1e308)): that inf is the true rounding.
    with np.errstate(over="ignore"):
        return y - t


def squared_error(y, t):
    r"""Squared error of each output, with the textbook's ½.

    .. math:: E = \frac{1}{2}(y - t)^2
    """
    y, t = _pair(y, t)
    with np.errstate(over="ignore"):  # (1e200)² is inf in float64: the true value rounds so
        return 0.5 * _diff(y, t) ** 2


def squared_error_grad(y, t):
    r"""∂E/∂y of the squared error with ½: the ½ cancels the 2 of the square.

    .. math:: \frac{\partial E}{\partial y} = y - t
    """
    y, t = _pair(y, t)
    return _diff(y, t)


def _check(convention: str) -> str:
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}, got {convention!r}")
    return convention


def mean_squared_error(y, t, convention="half_sum"):
    r"""The squared errors of a batch as one number.

    .. math:: E = \frac{1}{2}\sum_k (y_k - t_k)^2

    ``convention``: ``"half_sum"`` (the textbook's ``0.5 * np.sum((y - t)**2)``, the exam's
    form), ``"mean"`` (PyTorch ``MSELoss``: the mean over every element, no ½) or ``"sum"``.
    """
    y, t = _pair(y, t)
    per = squared_error(y, t)
    with np.errstate(over="ignore"):
        total = np.sum(per)
    match _check(convention):
        case "half_sum":
            return float(total)
        case "sum":
            with np.errstate(over="ignore"):
                return float(2.0 * total)
        case _:
            return float(2.0 * np.mean(per)) if per.size else 0.0


def mean_squared_error_grad(y, t, convention="half_sum"):
    r"""∂E/∂y for ``mean_squared_error`` under the same convention.

    .. math:: \frac{\partial E}{\partial y_k} = y_k - t_k \quad (\tfrac12\Sigma);\qquad
              \frac{2}{n}(y_k - t_k) \quad (\text{mean})
    """
    y, t = _pair(y, t)
    d = _diff(y, t)
    match _check(convention):
        case "half_sum":
            return d
        case "sum":
            with np.errstate(over="ignore"):
                return 2.0 * d
        case _:
            return d * (2.0 / max(d.size, 1))


def huber(y, t, delta=1.0):
    r"""Huber loss of each output: squared near the target, linear beyond ``delta``.

    .. math:: E = \begin{cases} \frac{1}{2}(y - t)^2 & (|y - t| \le \delta) \\
              \delta\left(|y - t| - \frac{1}{2}\delta\right) & (|y - t| > \delta) \end{cases}
    """
    delta = _check_delta(delta)
    y, t = _pair(y, t)
    r = np.abs(_diff(y, t))
    near = np.minimum(r, delta)  # the square is taken of at most δ: it cannot overflow
    return np.where(r <= delta, 0.5 * near**2, delta * (r - 0.5 * delta))


def huber_grad(y, t, delta=1.0):
    r"""∂E/∂y of the Huber loss: y − t clipped to [−δ, δ] (outliers pull no harder than δ).

    .. math:: \frac{\partial E}{\partial y} = \operatorname{clip}(y - t, -\delta, \delta)
    """
    delta = _check_delta(delta)
    y, t = _pair(y, t)
    return np.clip(_diff(y, t), -delta, delta)


def _check_delta(delta) -> float:
    if not isinstance(delta, int | float) or not 0 < delta < np.inf:
        raise ValueError(f"delta must be a positive finite number, got {delta!r}")
    return float(delta)
