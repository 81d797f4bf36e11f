r"""Nesterov's accelerated gradient: the true path, and the textbook's code (a different path).

Bengio et al. 2012 (eq. 7) keep the *look-ahead* parameters :math:`\Theta = W + \mu v`, so the
gradient is taken where the parameters are stored:
:math:`v' = \mu v - \eta g(\Theta)`, :math:`\Theta \leftarrow \Theta + \mu^2 v - (1 + \mu)\eta g
= \Theta + \mu v' - \eta g`. PyTorch's ``SGD(momentum=μ, nesterov=True)``
(:math:`b \leftarrow \mu b + g;\; \Theta \leftarrow \Theta - \eta (g + \mu b)`) is the same path.

The textbook's ``Nesterov.update`` multiplies the *updated* velocity :math:`v'` by
:math:`\mu^2` where the reformulation has the old one, so its step is
:math:`\mu^3 v - (1 + \mu + \mu^2)\eta g`: a longer first step than NAG's.
"""

from ._state import zeros_like_each


class Nesterov:
    r"""Nesterov's accelerated gradient (NAG), as Bengio et al. 2012 and PyTorch compute it.

    .. math:: v \leftarrow \mu v - \eta \frac{\partial L}{\partial W}
    .. math:: W \leftarrow W + \mu v - \eta \frac{\partial L}{\partial W}

    With the velocity before the update, :math:`v_{\mathrm{old}}`, the second line is
    :math:`W \leftarrow W + \mu^2 v_{\mathrm{old}} - (1 + \mu)\eta \frac{\partial L}{\partial W}`.
    """

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = zeros_like_each(params)
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.momentum * self.v[key] - self.lr * grads[key]


class NesterovTextbook:
    r"""The textbook's ``Nesterov.update`` (ゼロから作るDeep Learning ``common/optimizer.py``).

    It is not NAG's path: the third line uses the velocity *after* its update.

    .. math:: v \leftarrow \mu v - \eta \frac{\partial L}{\partial W}
    .. math:: W \leftarrow W + \mu^2 v - (1 + \mu)\eta \frac{\partial L}{\partial W}
    """

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = zeros_like_each(params)
        for key in params.keys():
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
