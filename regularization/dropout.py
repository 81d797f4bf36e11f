r"""Dropout in two forms: the textbook's (scaled at inference) and inverted dropout (PyTorch).

Both keep each unit with probability 1 − ``dropout_ratio`` in training, so the expected
output of a unit is the same in training and at inference; they differ in where the factor
1 − ratio goes.
"""

import numpy as np


def _ratio(dropout_ratio):
    if not 0.0 <= dropout_ratio < 1.0:
        raise ValueError(f"dropout_ratio must be in [0, 1), got {dropout_ratio!r}")
    return dropout_ratio


class Dropout:
    r"""The textbook's dropout (ゼロから作るDeep Learning): *not* inverted.

    .. math:: \text{train: } y = x \odot M, \quad M_i = [u_i > r],\ u_i \sim U(0, 1)
    .. math:: \text{inference: } y = (1 - r)\,x

    Backward passes the gradient through the kept units only: ``dout * mask``.
    ``rng`` (a seed or a ``np.random.Generator``) makes the masks repeatable.
    """

    def __init__(self, dropout_ratio=0.5, rng=None):
        self.dropout_ratio = _ratio(dropout_ratio)
        self.rng = np.random.default_rng(rng)
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
            return x * self.mask
        else:
            return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask


class InvertedDropout:
    r"""Inverted dropout (PyTorch's ``nn.Dropout(p)``): scaled in training, identity at inference.

    .. math:: \text{train: } y = \frac{x \odot M}{1 - r}, \quad M_i = [u_i > r],\ u_i \sim U(0, 1)
    .. math:: \text{inference: } y = x

    Backward: ``dout * mask / (1 - r)``, the same factor as forward.
    """

    def __init__(self, dropout_ratio=0.5, rng=None):
        self.dropout_ratio = _ratio(dropout_ratio)
        self.rng = np.random.default_rng(rng)
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
            return x * self.mask / (1.0 - self.dropout_ratio)
        else:
            return x

    def backward(self, dout):
        return dout * self.mask / (1.0 - self.dropout_ratio)
