r"""Batch normalisation (Ioffe & Szegedy 2015) in the exam's form, for inputs of shape (N, D).

Training normalises with the batch's own mean and *biased* variance (1/m); inference uses
running averages kept during training. The textbook keeps them as
``running = momentum * running + (1 - momentum) * batch`` with ``momentum = 0.9`` and adds
ε = ``10e-7`` (that is 1e-6, not 1e-7). PyTorch's ``BatchNorm1d(momentum=0.1)`` means the
opposite weighting (0.1 on the *new* batch), keeps an unbiased (1/(m − 1)) running
variance and uses ε = 1e-5; Keras's ``momentum=0.99`` weights the old value, as the
textbook's does.
"""

import numpy as np


class BatchNormalization:
    r"""Batch normalisation layer: forward (train / inference) and backward.

    .. math:: \mu_B = \frac{1}{m}\sum_{i=1}^{m} x_i
    .. math:: \sigma_B^2 = \frac{1}{m}\sum_{i=1}^{m} (x_i - \mu_B)^2
    .. math:: \hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}
    .. math:: y_i = \gamma \hat{x}_i + \beta

    γ and β are learned (``dgamma``, ``dbeta``); at inference μ_B and σ²_B are replaced by
    ``running_mean`` and ``running_var``.
    """

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None, eps=10e-7):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.eps = eps  # the textbook's 10e-7 = 1e-6
        self.running_mean = running_mean
        self.running_var = running_var
        # kept by forward for backward
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        if x.ndim != 2:
            raise ValueError(f"BatchNormalization takes (N, D) inputs, got shape {x.shape}")
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1])
            self.running_var = np.zeros(x.shape[1])

        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)  # biased: 1/m
            std = np.sqrt(var + self.eps)
            xn = xc / std

            self.batch_size = x.shape[0]
            self.xc, self.xn, self.std = xc, xn, std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + self.eps)

        return self.gamma * xn + self.beta

    def backward(self, dout):
        r"""The chain rule back through y = γx̂ + β, x̂ = x_c/σ, σ = √(σ²_B + ε), x_c = x − μ_B.

        .. math:: \frac{\partial L}{\partial x_i} = \frac{\gamma}{m\sigma}\left(m\,\delta_i - \sum_j \delta_j - \hat{x}_i \sum_j \delta_j \hat{x}_j\right), \quad \delta = \frac{\partial L}{\partial y}
        """
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size

        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx
