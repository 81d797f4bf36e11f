r"""SGD and Momentum, in the exam's form (ゼロから作るDeep Learning, chapter 6).

``update(params, grads)`` changes the arrays of ``params`` in place; the state (``v``) is
created on the first call, keyed like ``params``.
"""

from ._state import zeros_like_each


class SGD:
    r"""Stochastic gradient descent (確率的勾配降下法).

    .. math:: W \leftarrow W - \eta \frac{\partial L}{\partial W}
    """

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    r"""Momentum SGD: a velocity that remembers past gradients (μ = ``momentum``, 0.9).

    .. math:: v \leftarrow \mu v - \eta \frac{\partial L}{\partial W}
    .. math:: W \leftarrow W + v

    The textbook writes the coefficient α; the page calls it μ, as for Nesterov.
    Frameworks (PyTorch ``SGD(momentum=μ)``) write :math:`b \leftarrow \mu b + g,\;
    W \leftarrow W - \eta b`: with a constant η it is the same path, :math:`v = -\eta b`.
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
            params[key] += self.v[key]
