r"""Piecewise-linear activations of lightweight networks (MobileNet; 軽量化): ReLU6, the hard
sigmoid and the hard swish. No exp at all: cheap on a phone's processor and exact in low
precision.

At every kink the derivative takes the branch on its left (x ≤ kink), as for ReLU at 0.
"""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, keep_nan, like


def relu6(x):
    r"""ReLU6: ReLU capped at 6 (MobileNetV1/V2), so activations stay in a range that
    low-precision (8-bit) arithmetic represents well.

    .. math:: h(x) = \min(\max(0, x), 6)
    """
    x = as_float_array(x)
    return like(np.clip(x, 0.0, 6.0), x)


def relu6_grad(x):
    r"""Derivative of ReLU6; at the kinks the x ≤ kink branch: ``relu6_grad(0) = 0`` and
    ``relu6_grad(6) = 1`` (PyTorch takes 0 at 6).

    .. math:: h'(x) = \begin{cases} 1 & (0 < x \le 6) \\ 0 & (x \le 0,\ x > 6) \end{cases}
    """
    x = as_float_array(x)
    return like(keep_nan(((x > 0) & (x <= 6)).astype(x.dtype), x), x)


def hard_sigmoid(x):
    r"""Hard sigmoid: a straight line through (0, ½) clipped to [0, 1] (MobileNetV3; PyTorch's
    Hardsigmoid and Keras 3). Older Keras used clip(0.2x + 0.5, 0, 1) instead.

    .. math:: h(x) = \frac{\operatorname{ReLU6}(x + 3)}{6} = \begin{cases} 0 & (x \le -3) \\ \frac{x}{6} + \frac{1}{2} & (-3 < x \le 3) \\ 1 & (x > 3) \end{cases}
    """
    x = as_float_array(x)
    # (x + 3)/6: near x = −3, x + 3 is exact, where x/6 + 1/2 would cancel.
    return like(np.clip((x + 3.0) / 6.0, 0.0, 1.0), x)


def hard_sigmoid_grad(x):
    r"""Derivative of the hard sigmoid: 1/6 on the slope, 0 outside; at the kinks the x ≤ kink
    branch (0 at −3, 1/6 at 3; PyTorch takes 0 at both).

    .. math:: h'(x) = \begin{cases} \frac{1}{6} & (-3 < x \le 3) \\ 0 & (x \le -3,\ x > 3) \end{cases}
    """
    x = as_float_array(x)
    return like(keep_nan(np.where((x > -3) & (x <= 3), 1.0 / 6.0, 0.0), x), x)


def hard_swish(x):
    r"""Hard swish: x times the hard sigmoid (MobileNetV3), a cheap stand-in for Swish/SiLU.
    Its minimum is −3/8 at x = −3/2.

    .. math:: h(x) = x\,\frac{\operatorname{ReLU6}(x + 3)}{6} = \begin{cases} 0 & (x \le -3) \\ \frac{x(x + 3)}{6} & (-3 < x \le 3) \\ x & (x > 3) \end{cases}
    """
    x = as_float_array(x)
    # Where the gate is 0 the value is 0 (also at x = −inf, where x·0 would be NaN).
    gate = np.clip((x + 3.0) / 6.0, 0.0, 1.0)
    return like(np.where(x <= -3, 0.0, x) * gate, x)


def hard_swish_grad(x):
    r"""Derivative of the hard swish; it jumps at both kinks, where it takes the x ≤ kink
    branch: ``hard_swish_grad(-3) = 0`` and ``hard_swish_grad(3) = 1.5`` (PyTorch took −0.5 at
    −3 and 1.5 at 3 until pytorch/pytorch#148049, 2025; it now takes 0 at −3 and 1 at 3).

    .. math:: h'(x) = \begin{cases} 0 & (x \le -3) \\ \frac{2x + 3}{6} & (-3 < x \le 3) \\ 1 & (x > 3) \end{cases}
    """
    x = as_float_array(x)
    middle = (2.0 * np.clip(x, -3.0, 3.0) + 3.0) / 6.0
    return like(keep_nan(np.where(x <= -3, 0.0, np.where(x <= 3, middle, 1.0)), x), x)
