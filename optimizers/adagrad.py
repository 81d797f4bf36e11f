r"""AdaGrad and RMSProp: a step per parameter, divided by the root of its squared gradients."""

import numpy as np

from ._state import zeros_like_each


class AdaGrad:
    r"""AdaGrad (Duchi et al. 2011): the sum of squared gradients only grows, so the step only shrinks.

    .. math:: h \leftarrow h + \frac{\partial L}{\partial W} \odot \frac{\partial L}{\partial W}
    .. math:: W \leftarrow W - \eta \frac{1}{\sqrt{h} + \epsilon} \frac{\partial L}{\partial W}

    ε = 1e-7 as in the textbook (added to :math:`\sqrt{h}`; PyTorch's ``Adagrad`` uses 1e-10).
    """

    def __init__(self, lr=0.01, eps=1e-7):
        self.lr = lr
        self.eps = eps
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = zeros_like_each(params)
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + self.eps)


class RMSProp:
    r"""RMSProp (Hinton's lecture 6e): a moving average of squared gradients, so old ones fade.

    .. math:: h \leftarrow \rho h + (1 - \rho) \frac{\partial L}{\partial W} \odot \frac{\partial L}{\partial W}
    .. math:: W \leftarrow W - \eta \frac{1}{\sqrt{h} + \epsilon} \frac{\partial L}{\partial W}

    ρ = ``decay_rate`` = 0.99 as in the textbook (PyTorch ``alpha=0.99``; Keras ``rho=0.9``;
    Hinton's lecture 0.9); ε = 1e-7 added to :math:`\sqrt{h}`.
    """

    def __init__(self, lr=0.01, decay_rate=0.99, eps=1e-7):
        self.lr = lr
        self.decay_rate = decay_rate
        self.eps = eps
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = zeros_like_each(params)
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + self.eps)


RMSprop = RMSProp  # the textbook's spelling
